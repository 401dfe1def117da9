import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { invalidInput } from '../../helpers/validation';
import { yunkeDownload } from '../../../transport';
import { optionsField, outputBinaryField } from '../common.descriptions';
import { ownEntry } from '../../../shared/ownEntry';

const properties: INodeProperties[] = [
	optionsField({ displayName: 'Recording', name: 'recording', default: 'whole' }, [
		{ name: 'Customer Reply Segment', value: 'segment', description: 'One reply of the customer (the recording of a transcript turn)' },
		{ name: 'Whole Call', value: 'whole', description: 'The recording of the whole call (recordpath and recordfile of the call record)' },
	]),
	{
		displayName: 'Record Path',
		name: 'recordPath',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. /mnt/record',
		description: 'The recordpath of the call record',
		displayOptions: { show: { recording: ['whole'] } },
	},
	{
		displayName: 'Record File',
		name: 'recordFile',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. /mnt/record/20241022/0935/20241022093538_zzh_….wav',
		description: 'The recordfile of the call record',
		displayOptions: { show: { recording: ['whole'] } },
	},
	{
		displayName: 'Segment File',
		name: 'segmentFile',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. /mnt/record/20241022/segmental_record/0935/subsection_….wav',
		description: 'The recording of a customer turn, from Call Record → Get Transcript',
		displayOptions: { show: { recording: ['segment'] } },
	},
	outputBinaryField('the recording'),
];

export const description = updateDisplayOptions({ show: { resource: ['callRecord'], operation: ['downloadRecording'] } }, properties);

export const kind = 'binary';

const AUDIO_TYPES: Record<string, string> = { wav: 'audio/wav', mp3: 'audio/mpeg', ogg: 'audio/ogg' };

/** 6.2 cdrDownload (GET recordpath + recordfile) or 6.3 cdrFragmentDownload (GET recordfile) → a binary item. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const segment = this.getNodeParameter('recording', itemIndex) === 'segment';
	const binaryProperty = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim() || 'data';
	const qs = segment ? { recordfile: required(this, itemIndex, 'Segment File', 'segmentFile') } : wholeCall(this, itemIndex);
	const file = await yunkeDownload.call(this, {
		method: 'GET',
		endpoint: segment ? ENDPOINTS.recordingSegmentDownload : ENDPOINTS.recordingDownload,
		qs,
		itemIndex,
		idempotent: true,
	});
	const fileName = qs.recordfile.split('/').pop() || file.fileName || 'recording.wav';
	const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
	const mimeType = file.mimeType.startsWith('audio/') ? file.mimeType : (ownEntry(AUDIO_TYPES, extension) ?? 'application/octet-stream');
	const binary = await this.helpers.prepareBinaryData(file.data, fileName, mimeType);
	return [
		{
			json: { ...qs, fileName, mimeType, fileSize: file.data.length },
			binary: { [binaryProperty]: binary },
		},
	];
}

function wholeCall(ctx: IExecuteFunctions, itemIndex: number): { recordpath: string; recordfile: string } {
	const recordfile = String(ctx.getNodeParameter('recordFile', itemIndex, '')).trim();
	if (!recordfile) {
		throw invalidInput(
			ctx,
			itemIndex,
			'Record File',
			'is empty: calls that were not answered have no recording',
			'Map recordfile of the call record, and filter out records with an empty recordfile before this node',
		);
	}
	return { recordpath: required(ctx, itemIndex, 'Record Path', 'recordPath'), recordfile };
}

function required(ctx: IExecuteFunctions, itemIndex: number, field: string, name: string): string {
	const value = String(ctx.getNodeParameter(name, itemIndex, '')).trim();
	if (!value) throw invalidInput(ctx, itemIndex, field, 'is empty', `Map ${field} from the call record or its transcript`);
	return value;
}

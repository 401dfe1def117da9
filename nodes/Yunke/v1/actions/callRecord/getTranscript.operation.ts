import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS, TRANSCRIPT_FIELDS } from '../../../shared/contract';
import { invalidInput, requireDate } from '../../helpers/validation';
import { dataOf, yunkeApiRequest } from '../../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Call Record Sn',
		name: 'recordSn',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. account|a6505ba317705377bc3f8c889f36a341',
		description: 'The sn of the call record, from Call Record → Get Many or the call-result push',
	},
	{
		displayName: 'Connected At',
		name: 'connectedAt',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2024-07-02 15:03:29',
		description: 'The connected_at of the same call record (Yunke needs it to find the conversation)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['callRecord'], operation: ['getTranscript'] } }, properties);

export interface TranscriptTurn {
	speaker: 'robot' | 'customer';
	text: string;
	nodeTitle: string;
	recording: string;
}

/** 6.4 cdrshow: the conversation as robot/customer turns in order, plus the vendor's answer. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sn = String(this.getNodeParameter('recordSn', itemIndex, '')).trim();
	if (!sn) throw invalidInput(this, itemIndex, 'Call Record Sn', 'is empty', 'Map the sn of a call record from Call Record → Get Many, for example account|a650…');
	const connectedRaw: unknown = this.getNodeParameter('connectedAt', itemIndex, '');
	if (String(connectedRaw ?? '').trim() === '') {
		throw invalidInput(
			this,
			itemIndex,
			'Connected At',
			'is empty, so the call was never answered and has no transcript',
			'Map connected_at of the same record, and filter out unanswered calls (empty connected_at) before this node',
		);
	}
	const connectedAt = requireDate(this, itemIndex, 'Connected At', connectedRaw);
	const response = await yunkeApiRequest.call(this, {
		method: 'POST',
		endpoint: ENDPOINTS.callTranscript,
		body: { accounts_sn: sn, connected_at: connectedAt },
		itemIndex,
		idempotent: true,
	});
	const raw = dataOf(response);
	const turns = toTurns(raw.fragment);
	return { accounts_sn: sn, connected_at: connectedAt, turnCount: turns.length, turns: turns as unknown as IDataObject[], raw };
}

/** Rounds of vendor turns → one robot turn per caption and one customer turn per non-empty answer. */
export function toTurns(fragment: unknown): TranscriptTurn[] {
	const turns: TranscriptTurn[] = [];
	const rounds = Array.isArray(fragment) ? fragment : [];
	for (const round of rounds) {
		for (const entry of (Array.isArray(round) ? round : [round]) as IDataObject[]) {
			if (!entry || typeof entry !== 'object') continue;
			const nodeTitle = String(entry[TRANSCRIPT_FIELDS.node] ?? '');
			const robot = String(entry[TRANSCRIPT_FIELDS.robot] ?? '').trim();
			const customer = String(entry[TRANSCRIPT_FIELDS.customer] ?? '').trim();
			if (robot) turns.push({ speaker: 'robot', text: robot, nodeTitle, recording: String(entry[TRANSCRIPT_FIELDS.robotAudio] ?? '') });
			if (customer) turns.push({ speaker: 'customer', text: customer, nodeTitle, recording: String(entry[TRANSCRIPT_FIELDS.customerAudio] ?? '') });
		}
	}
	return turns;
}

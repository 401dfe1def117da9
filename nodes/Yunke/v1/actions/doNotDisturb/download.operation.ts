import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { yunkeDownload } from '../../../transport';
import { outputBinaryField } from '../common.descriptions';
import { readIdList } from './entryIds';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const properties: INodeProperties[] = [
	{
		displayName: 'Entry IDs',
		name: 'ids',
		type: 'string',
		default: '',
		placeholder: '108, 112',
		description: 'IDs of the entries to export, separated by commas; empty exports the whole list',
	},
	outputBinaryField('the Excel file'),
];

export const description = updateDisplayOptions({ show: { resource: ['doNotDisturb'], operation: ['download'] } }, properties);

export const kind = 'binary';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const ids = readIdList(this, itemIndex, 'Entry IDs', this.getNodeParameter('ids', itemIndex, ''), true);
	const property = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const file = await yunkeDownload.call(this, {
		method: 'GET',
		endpoint: ENDPOINTS.dndDownload,
		qs: ids.length ? { ids_json: ids } : {},
		itemIndex,
		idempotent: true,
	});
	const fileName = file.fileName ?? 'do-not-disturb.xlsx';
	const mimeType = file.mimeType === 'application/octet-stream' ? XLSX_MIME : file.mimeType;
	const binary = await this.helpers.prepareBinaryData(file.data, fileName, mimeType);
	return [{ json: { fileName, mimeType, fileSize: file.data.length, ...(ids.length ? { ids } : {}) }, binary: { [property]: binary } }];
}

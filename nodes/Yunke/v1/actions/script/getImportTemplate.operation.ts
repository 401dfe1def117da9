import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { yunkeDownload } from '../../../transport';
import { scriptLocator } from '../../../methods/locators';
import { optionsField } from '../common.descriptions';
import { fetchImportTemplate } from './importTemplate';
import { readScriptSn } from './scriptSn';

const properties: INodeProperties[] = [
	scriptLocator,
	optionsField({ displayName: 'Output', name: 'output', default: 'columns' }, [
		{ name: 'Column List', value: 'columns', description: 'The template columns and which of them are required' },
		{ name: 'Excel File', value: 'excel', description: 'The empty import template as an xlsx file' },
	]),
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The name of the output binary field to put the file in',
		displayOptions: { show: { output: ['excel'] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['script'], operation: ['getImportTemplate'] } }, properties);

export const kind = 'binary';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 5.11 exportModel (GET): `type=json` gives the header row; without `type` Yunke sends the Excel file. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const sn = readScriptSn(this, itemIndex);
	if (this.getNodeParameter('output', itemIndex) === 'excel') {
		const binaryProperty = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim() || 'data';
		const file = await yunkeDownload.call(this, { method: 'GET', endpoint: ENDPOINTS.scriptTemplate, qs: { project_sn: sn }, itemIndex, idempotent: true });
		const fileName = file.fileName || 'import-template.xlsx';
		const binary = await this.helpers.prepareBinaryData(file.data, fileName, file.mimeType.includes('sheet') ? file.mimeType : XLSX_MIME);
		return [{ json: { project_sn: sn, fileName, fileSize: file.data.length }, binary: { [binaryProperty]: binary } }];
	}
	const template = await fetchImportTemplate(this, sn, itemIndex);
	const columns = template.columns.map((column) => ({ name: column.key, required: column.required }));
	return [{ json: { project_sn: sn, columns, raw: template.data as IDataObject[] } }];
}

import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DETAIL_ROW_SEPARATOR, ENDPOINTS, envelopeMessage } from '../../../shared/contract';
import { extraVendorFields } from '../../helpers/fields';
import { invalidInput } from '../../helpers/validation';
import { yunkeApiRequest } from '../../../transport';
import { additionalVendorFields } from '../common.descriptions';
import { taskLocator } from '../../../methods/locators';
import { readTaskReference, resolveTaskSn } from './shared/taskReference';

const properties: INodeProperties[] = [
	taskLocator,
	{
		displayName: 'Row Sns',
		name: 'rowSns',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. dial_task_detail|6f1c…, dial_task_detail|9a2b…',
		description: 'The sn of each detail row to stop (from Task → Get Details), separated by commas',
	},
	additionalVendorFields(),
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['stopDetailRows'] } }, properties);

/** 5.9: rows that have not been dialled yet are taken out of the task (Get Stopped Details lists them). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reference = readTaskReference(this, itemIndex);
	const raw: unknown = this.getNodeParameter('rowSns', itemIndex, '');
	const rows = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(',')).map((sn) => sn.trim()).filter(Boolean);
	if (rows.length === 0) throw invalidInput(this, itemIndex, 'Row Sns', 'is empty', 'Map the sn of one or more rows from Task → Get Details, separated by commas');
	const extra = extraVendorFields(this, itemIndex, ['sn']);
	const sn = await resolveTaskSn(this, itemIndex, reference);
	const response = await yunkeApiRequest.call(this, {
		method: 'POST',
		endpoint: ENDPOINTS.taskDetailStop,
		body: { dial_task_main_sn: sn, sn: rows.join(DETAIL_ROW_SEPARATOR), ...extra },
		itemIndex,
	});
	return {
		dial_task_main_sn: sn,
		requested: Number(response.total ?? rows.length),
		stopped: Number(response.success ?? 0),
		message: envelopeMessage(response),
	};
}

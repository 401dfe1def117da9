import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { requirePhone } from '../../helpers/validation';
import { yunkeApiRequestAllItems } from '../../../transport';
import { filtersCollection, paginationFields } from '../common.descriptions';
import { taskLocator } from '../../../methods/locators';
import { readTaskReference, resolveTaskSn } from './shared/taskReference';
import { readLimit } from '../../helpers/fields';

const properties: INodeProperties[] = [
	taskLocator,
	...paginationFields(),
	filtersCollection([
		{ displayName: 'Phone', name: 'phone', type: 'string', default: '', description: 'Only rows with this number' },
		{ displayName: 'Row Sn', name: 'sn', type: 'string', default: '', description: 'Only the detail row with this sn' },
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['getStoppedDetails'] } }, properties);

/** 5.6: the task's rows that Stop Detail Rows took out of dialling. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const reference = readTaskReference(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { phone?: string; sn?: string };
	const body: IDataObject = {};
	if (filters.phone) body.phone = requirePhone(this, itemIndex, 'Filters → Phone', filters.phone);
	const sn = await resolveTaskSn(this, itemIndex, reference);
	body.dial_task_main_sn = sn;
	if (filters.sn?.trim()) body.sn = filters.sn.trim();
	return await yunkeApiRequestAllItems.call(this, { method: 'POST', endpoint: ENDPOINTS.taskStoppedDetails, body, itemIndex }, { limit });
}

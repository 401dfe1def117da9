import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { yunkeApiRequestAllItems } from '../../../transport';
import { paginationFields } from '../common.descriptions';
import { taskLocator } from '../../../methods/locators';
import { readTaskReference, resolveTaskId } from './shared/taskReference';
import { readLimit } from '../../helpers/fields';

const properties: INodeProperties[] = [taskLocator, ...paginationFields()];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['getDetails'] } }, properties);

/** 5.4: one item per number of the task, with its call state (sn and detail_type feed Cancel Calls and Stop Detail Rows). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const reference = readTaskReference(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const id = await resolveTaskId(this, itemIndex, reference);
	return await yunkeApiRequestAllItems.call(
		this,
		{ method: 'POST', endpoint: ENDPOINTS.taskDetails, body: { dial_task_main_id: id }, itemIndex },
		{ limit },
	);
}

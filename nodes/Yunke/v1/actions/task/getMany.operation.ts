import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS, TASK_STATUS } from '../../../shared/contract';
import { pick, readFilterLocator, readLimit } from '../../helpers/fields';
import { requireDateRange } from '../../helpers/validation';
import { listByCreationDate } from '../../helpers/listByCreationDate';
import { creationDateFilters, optionsField, paginationFields, simplifyField, timeRangeFilters } from '../common.descriptions';
import { subAccountLocator } from '../../../methods/locators';
import { statusName } from './shared/taskStatus';

const properties: INodeProperties[] = [
	...paginationFields(),
	creationDateFilters([
		...timeRangeFilters('Created', ['createdAfter', 'createdBefore'], 'tasks created'),
		optionsField({ displayName: 'Status', name: 'status', default: TASK_STATUS.sending, description: 'Only tasks in this state' }, [
			{ name: 'Paused', value: TASK_STATUS.paused },
			{ name: 'Sending', value: TASK_STATUS.sending },
			{ name: 'Sent (Finished)', value: TASK_STATUS.sent },
			{ name: 'Terminated', value: TASK_STATUS.terminated },
		]),
		{ ...subAccountLocator, required: false, description: 'Only tasks owned by this sub-account' },
	], 'task'),
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['getMany'] } }, properties);

const SIMPLE_FIELDS = [
	'dial_task_main_id',
	'dial_task_main_sn',
	'source',
	'status',
	'project_caption',
	'user_name',
	'created_at',
	'total_count',
	'send_count',
	'unsend_count',
	'percent',
] as const;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const { from, to } = requireDateRange(this, itemIndex, ['Created After', filters.createdAfter], ['Created Before', filters.createdBefore]);
	// the dates come first, as 5.1 lists them; yunkeApiRequestAllInRange fills them in
	const body: IDataObject = { start_create_at: '', end_create_at: '' };
	if (filters.status !== undefined && filters.status !== '') body.status = Number(filters.status);
	const owner = readFilterLocator(this, itemIndex, filters, 'subAccount', 'Sub-Account');
	if (owner !== undefined) body.ai_user_sn = owner;
	const tasks = await listByCreationDate(this, { method: 'POST', endpoint: ENDPOINTS.taskList, body, itemIndex }, { from, to }, limit);
	return tasks.map((task) => (simplify ? { ...pick(task, SIMPLE_FIELDS), statusName: statusName(task.status) } : task));
}

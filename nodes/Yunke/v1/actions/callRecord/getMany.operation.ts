import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS, INTENT_FIELDS, INTENT_LEVELS } from '../../../shared/contract';
import { extraVendorFields, pick, readFilterLocator, readLimit } from '../../helpers/fields';
import { nameOrPhoneSearch } from '../../helpers/phoneNumber';
import { invalidInput, requireDateRange, requireInteger, requirePhone } from '../../helpers/validation';
import { listByCreationDate } from '../../helpers/listByCreationDate';
import { additionalVendorFields, containsFilter, creationDateFilters, paginationFields, simplifyField, timeRangeFilters } from '../common.descriptions';
import { scriptLocator, taskSnLocator } from '../../../methods/locators';

/** A Min or Max filter on a count (seconds, dialogue rounds). */
function boundFilter(displayName: string, name: string, defaultValue: number, description: string): INodeProperties {
	return { displayName, name, type: 'number', typeOptions: { minValue: 0 }, default: defaultValue, description };
}

const properties: INodeProperties[] = [
	...paginationFields(),
	creationDateFilters([
		...timeRangeFilters('Created', ['createdAfter', 'createdBefore'], 'calls placed'),
		{
			displayName: 'Intent Field',
			name: 'intentField',
			type: 'options',
			options: [
				{ name: 'AI Intent', value: INTENT_FIELDS.ai, description: 'The level the AI assigned' },
				{ name: 'Manual Label', value: INTENT_FIELDS.manual, description: 'The level an agent assigned' },
			],
			default: 'status',
			description: 'Which intent level the Intent Levels filter applies to',
		},
		{
			displayName: 'Intent Levels',
			name: 'intentLevels',
			type: 'multiOptions',
			options: INTENT_LEVELS.map((level) => ({ name: level, value: level })),
			default: [],
			description: 'Only calls with one of these intent levels (A best … F worst)',
		},
		boundFilter('Max Talk Time (Seconds)', 'talkTimeMax', 600, 'Only calls with at most this many seconds of conversation'),
		boundFilter('Max Turns', 'turnCountMax', 20, 'Only calls with at most this many dialogue rounds'),
		boundFilter('Min Talk Time (Seconds)', 'talkTimeMin', 10, 'Only calls with at least this many seconds of conversation'),
		boundFilter('Min Turns', 'turnCountMin', 1, 'Only calls with at least this many dialogue rounds'),
		containsFilter('Name or Phone Contains', 'nameOrPhone', 'Only calls whose customer name or number contains this text'),
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '',
			description: 'Only calls to this exact number',
		},
		{ ...scriptLocator, required: false, description: 'Only calls made with this AI script' },
		{ ...taskSnLocator, required: false, description: 'Only calls of this task, by its sn (dial_task_main_sn from Task → Get Many)' },
	], 'call'),
	simplifyField,
	{ ...additionalVendorFields(), displayName: 'Extra Vendor Filters (JSON)', description: 'Further crmList filters, as a JSON object, sent as given; a filter above cannot be given here too' },
];

export const description = updateDisplayOptions({ show: { resource: ['callRecord'], operation: ['getMany'] } }, properties);

const SIMPLE_FIELDS = [
	'sn',
	'phone',
	'name',
	'source',
	'created_at',
	'connected_at',
	'talktimes',
	'status',
	'hangup_reason',
	'recordpath',
	'recordfile',
] as const;

/**
 * 6.1 crmList over an explicit creation range (empty dates would mean today only); Return All pages
 * with the largest page size the API allows. The range the node chose is shown as an output hint.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const { body, dates } = readFilters(this, itemIndex);
	const extra = extraVendorFields(this, itemIndex, Object.keys(body));
	const records = await listByCreationDate(this, { method: 'POST', endpoint: ENDPOINTS.callRecordList, body: { ...body, ...extra }, itemIndex }, dates, limit);
	if (!simplify) return records;
	const simplified = new Array<IDataObject>(records.length);
	for (let i = 0; i < records.length; i++) simplified[i] = pick(records[i], SIMPLE_FIELDS);
	return simplified;
}

function readFilters(ctx: IExecuteFunctions, itemIndex: number): { body: IDataObject; dates: { from?: string; to?: string } } {
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	// the dates are the node's own (start_create_at, end_create_at): always sent, so never an extra field
	const body: IDataObject = { start_create_at: '', end_create_at: '' };
	const dates = requireDateRange(ctx, itemIndex, ['Created After', filters.createdAfter], ['Created Before', filters.createdBefore]);
	if (filters.phone !== undefined && String(filters.phone).trim() !== '') body.phone = requirePhone(ctx, itemIndex, 'Filters → Phone', filters.phone);
	if (filters.nameOrPhone) body.namephone = nameOrPhoneSearch(filters.nameOrPhone);
	const task = readFilterLocator(ctx, itemIndex, filters, 'task', 'Task');
	if (task !== undefined) body.dial_task_main_sn = task;
	const script = readFilterLocator(ctx, itemIndex, filters, 'script', 'Script');
	if (script !== undefined) body.project_sn = script;
	const levels = (filters.intentLevels as string[] | undefined) ?? [];
	if (levels.length > 0) {
		body.status_search = (filters.intentField as string | undefined) ?? INTENT_FIELDS.ai;
		body.status_value = levels;
	} else if (filters.intentField !== undefined) {
		throw invalidInput(ctx, itemIndex, 'Filters → Intent Levels', 'none selected while Intent Field is set', 'Select one or more levels (A–F), or remove the Intent Field filter');
	}
	const talk = range(ctx, itemIndex, 'Talk Time', filters.talkTimeMin, filters.talkTimeMax);
	if (talk.min !== undefined) body.talktimes_min = talk.min;
	if (talk.max !== undefined) body.talktimes_max = talk.max;
	const turns = range(ctx, itemIndex, 'Turns', filters.turnCountMin, filters.turnCountMax);
	if (turns.min !== undefined) body.turn_count_min = turns.min;
	if (turns.max !== undefined) body.turn_count_max = turns.max;
	return { body, dates };
}

function range(ctx: IExecuteFunctions, itemIndex: number, label: string, minRaw: unknown, maxRaw: unknown): { min?: number; max?: number } {
	const min = minRaw === undefined ? undefined : requireInteger(ctx, itemIndex, `Filters → Min ${label}`, minRaw, { min: 0 });
	const max = maxRaw === undefined ? undefined : requireInteger(ctx, itemIndex, `Filters → Max ${label}`, maxRaw, { min: 0 });
	if (min !== undefined && max !== undefined && min > max) {
		throw invalidInput(ctx, itemIndex, `Filters → Max ${label}`, `${max} is below Min ${label} ${min}`, `Set Max ${label} to at least ${min}`);
	}
	return { min, max };
}

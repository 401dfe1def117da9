import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../helpers/validation';
import type { YunkeResource } from './node.type';

/**
 * Which per-item operations may send several items' requests at once (docs/parallel-requests.md).
 * Every per-item operation is in exactly one of the two lists (test/router/parallelism.test.ts).
 */
export const PARALLEL_OPERATIONS: Partial<Record<YunkeResource, readonly string[]>> = {
	// reads: they change nothing
	callRecord: ['downloadRecording', 'getMany', 'getTranscript'],
	callTime: ['get'],
	customer: ['getMany', 'delete', 'giveUp'],
	// 8.4 de-duplicates numbers and a lost answer is looked up by the item's own number; 8.2 by its own entries
	doNotDisturb: ['download', 'getMany', 'add', 'delete'],
	// a lost deletion is looked up by the username, unique per tenant
	extension: ['getMany', 'delete'],
	role: ['get', 'getMany', 'getPermissionTree', 'delete'],
	script: ['get', 'getImportTemplate', 'getMany'],
	skillGroup: ['getMany', 'delete'],
	subAccount: ['getMany', 'delete'],
	// Cancel Calls and Stop Detail Rows take numbers out of a task: nothing is dialled, nothing re-sent
	task: ['getDetails', 'getImportResult', 'getMany', 'getStoppedDetails', 'cancelCalls', 'stopDetailRows'],
};

/**
 * One item after another, always: they dial people (Start, Redial Failed), confirm a lost answer through
 * the whole task list (task control, 5.2), create things whose names and quotas the order decides, or
 * set values where the last item must win as it does one at a time (updates read the record first).
 */
export const SEQUENTIAL_OPERATIONS: Partial<Record<YunkeResource, readonly string[]>> = {
	callTime: ['set'],
	callback: ['set'],
	customer: ['share'],
	extension: ['create', 'update'],
	role: ['create', 'update'],
	skillGroup: ['update'],
	subAccount: ['create', 'update'],
	task: ['start', 'pause', 'terminate', 'delete', 'redialFailed'],
};

export const DEFAULT_REQUESTS_IN_PARALLEL = 8;
const MAX_REQUESTS_IN_PARALLEL = 50;

/** Under a collapsed "Batching" collection, shown only for the operations that may run in parallel. */
export const batchingProperties: INodeProperties[] = Object.entries(PARALLEL_OPERATIONS).map(([resource, operations]) => ({
	displayName: 'Batching',
	name: 'batching',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { show: { resource: [resource], operation: [...(operations ?? [])] } },
	options: [
		{
			displayName: 'Requests in Parallel',
			name: 'requestsInParallel',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_REQUESTS_IN_PARALLEL, numberPrecision: 0 },
			default: DEFAULT_REQUESTS_IN_PARALLEL,
			description:
				'How many items are sent to Yunke at once; 1 sends them one after another. Output order and pairing stay as the input. ' +
				'n8n\'s HTTP Request node sends every item at once unless its Batching option is set; ' +
				`${DEFAULT_REQUESTS_IN_PARALLEL} at a time is several times faster than one at a time while keeping few calls open against the tenant. ` +
				'Without Continue On Fail, items after a failing one may already have been sent.',
		},
	],
}));

/** How many items of this run may be in flight at once: 1 for operations that must stay sequential. */
export function requestsInParallel(ctx: IExecuteFunctions, resource: YunkeResource, operation: string): number {
	if (!PARALLEL_OPERATIONS[resource]?.includes(operation)) return 1;
	const batching = ctx.getNodeParameter('batching', 0, {}) as IDataObject;
	const value = batching.requestsInParallel ?? DEFAULT_REQUESTS_IN_PARALLEL;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_REQUESTS_IN_PARALLEL) {
		throw invalidInput(ctx, 0, 'Requests in Parallel', `is ${JSON.stringify(value)}`, `Enter a whole number from 1 to ${MAX_REQUESTS_IN_PARALLEL}`);
	}
	return value;
}

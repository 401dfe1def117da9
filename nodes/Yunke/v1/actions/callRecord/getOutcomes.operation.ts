import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, NodeOperationError } from 'n8n-workflow';

import { callOutcomeOf } from '../../../shared/callOutcome';
import { taskLocator } from '../../../methods/locators';
import { isBlank, invalidInput, requirePhone } from '../../helpers/validation';
import { failedItems } from '../itemErrors';
import { findListedTask, isTask, type KnownTask } from '../task/shared/taskList';
import { readTaskReference, type TaskReference } from '../task/shared/taskReference';
import { readTaskCalls, readTaskNumbers, type NumberCalls } from './taskCalls';

const properties: INodeProperties[] = [
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.phone }}',
		description: 'The number of the lead, from the input item; written in any usual form (+86, spaces, dashes)',
	},
	{ ...taskLocator, description: 'The outbound task the lead was imported into, from the list, by its ID or sn, or an expression' },
	{
		displayName:
			'One item per input item. <b>status</b>: "answered" or "not answered" (the latest call decided), "not called yet" (the number is in the task, no call yet) or "not in this task". Each task\'s calls are read once, whatever the number of items.',
		name: 'outcomesNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['callRecord'], operation: ['getOutcomes'] } }, properties);

export const kind = 'batch';

/** The `status` of an outcome item. */
const OUTCOME_STATUS = {
	answered: 'answered',
	notAnswered: 'not answered',
	notCalledYet: 'not called yet',
	notInTask: 'not in this task',
} as const;

interface Lead {
	itemIndex: number;
	phone: string;
	reference: TaskReference;
}

/**
 * Per input item, the latest call of its number in its task and how many calls there were. Each task
 * is read once (6.1 with the task filter; 5.4 only when some number has no call), then joined on the
 * number in the form the node sends numbers, so 10,000 leads of one task cost a few list pages.
 */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const output: INodeExecutionData[] = new Array(items.length);
	const fail = (error: unknown, itemIndexes: number[]) => {
		failedItems(this, error, itemIndexes).forEach((item, index) => (output[itemIndexes[index]] = item));
	};
	const leads: Lead[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			leads.push(readLead(this, itemIndex));
		} catch (error) {
			// bad input: nothing is sent unless Continue On Fail lets the other items go on
			fail(error, [itemIndex]);
		}
	}
	for (const group of byTask(leads)) {
		const first = group[0];
		try {
			const task = await findListedTask(this, first.itemIndex, isTask(first.reference));
			if (!task) {
				for (const lead of group) fail(noSuchTask(this, lead), [lead.itemIndex]);
				continue;
			}
			const outcomes = await outcomesOf(this, task, group);
			group.forEach((lead, index) => (output[lead.itemIndex] = { json: outcomes[index], pairedItem: { item: lead.itemIndex } }));
		} catch (error) {
			fail(error, group.map((lead) => lead.itemIndex));
		}
	}
	return [output];
}

function readLead(ctx: IExecuteFunctions, itemIndex: number): Lead {
	const raw = ctx.getNodeParameter('phone', itemIndex, '');
	if (isBlank(raw)) throw invalidInput(ctx, itemIndex, 'Phone', 'is empty', 'Map the number of the lead, for example {{ $json.phone }}');
	return { itemIndex, phone: requirePhone(ctx, itemIndex, 'Phone', raw), reference: readTaskReference(ctx, itemIndex) };
}

/** Leads grouped by the task as the user named it, in the order of their first item. */
function byTask(leads: Lead[]): Lead[][] {
	const groups = new Map<string, Lead[]>();
	for (const lead of leads) {
		const group = groups.get(lead.reference.given);
		if (group) group.push(lead);
		else groups.set(lead.reference.given, [lead]);
	}
	return [...groups.values()];
}

function noSuchTask(ctx: IExecuteFunctions, { itemIndex, reference }: Lead): NodeOperationError {
	const label = reference.id ? `ID ${reference.id}` : `sn ${reference.sn}`;
	return invalidInput(ctx, itemIndex, 'Task', `no task with ${label} exists (it may have been deleted)`, 'Pick the task from the list, or map the ID or sn of an existing task');
}

/** The task's calls (6.1), and its numbers (5.4) only when some lead's number has no call. */
async function outcomesOf(ctx: IExecuteFunctions, task: KnownTask, leads: Lead[]): Promise<IDataObject[]> {
	const itemIndex = leads[0].itemIndex;
	const calls = await readTaskCalls(ctx, itemIndex, task);
	const uncalled = leads.some((lead) => !calls.has(lead.phone));
	const numbers = uncalled ? await readTaskNumbers(ctx, itemIndex, task) : new Set<string>();
	return leads.map((lead) => outcomeItem(task, lead.phone, calls.get(lead.phone), numbers.has(lead.phone)));
}

function outcomeItem(task: KnownTask, phone: string, calls: NumberCalls | undefined, inTask: boolean): IDataObject {
	const taskFields = { taskId: task.id, taskSn: task.sn, taskName: task.name };
	if (!calls) {
		return {
			phone,
			status: inTask ? OUTCOME_STATUS.notCalledYet : OUTCOME_STATUS.notInTask,
			attempts: 0,
			answered: false,
			intentLevel: '',
			talkSeconds: 0,
			hangupReason: '',
			calledAt: '',
			recordPath: '',
			recordFile: '',
			callSn: '',
			...taskFields,
		};
	}
	const record = calls.latest;
	const outcome = callOutcomeOf(record);
	return {
		phone,
		status: outcome.answered ? OUTCOME_STATUS.answered : OUTCOME_STATUS.notAnswered,
		attempts: calls.attempts,
		answered: outcome.answered ?? false,
		intentLevel: outcome.intentLevel,
		talkSeconds: outcome.talkSeconds,
		hangupReason: outcome.hangupReason,
		calledAt: String(record.created_at ?? ''),
		recordPath: String(record.recordpath ?? ''),
		recordFile: String(record.recordfile ?? ''),
		callSn: String(record.sn ?? ''),
		...taskFields,
	};
}

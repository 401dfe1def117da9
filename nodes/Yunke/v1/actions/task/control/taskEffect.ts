import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { TASK_OPERATIONS } from '../../../../shared/contract';
import { pollUntil } from '../../../../transport';
import { findListedTask, isTask, type KnownTask } from '../shared/taskList';
import { statusName } from '../shared/taskStatus';

/**
 * How the task list (5.1) shows that a 5.2 verb took effect; a missing task is one that was deleted.
 * Start/Resume shows as dialling, or as sent when the task had nothing left to dial.
 */
export const TASK_EFFECTS: Record<string, { shows: (task: KnownTask | undefined) => boolean; expected: string }> = {
	[TASK_OPERATIONS.pause]: { shows: (task) => task !== undefined && statusName(task.status) === 'paused', expected: 'paused' },
	[TASK_OPERATIONS.resume]: {
		shows: (task) => task !== undefined && ['sending', 'sent'].includes(statusName(task.status)),
		expected: 'dialling (or sent, when nothing was left to dial)',
	},
	[TASK_OPERATIONS.terminate]: { shows: (task) => task !== undefined && statusName(task.status) === 'terminated', expected: 'terminated' },
	[TASK_OPERATIONS.delete]: { shows: (task) => task === undefined, expected: 'deleted' },
};

/** 5.1 changes with the write; a short look covers a list that shows it a moment later. */
export const CONFIRM_WAIT_MS = 3000;

const WHAT_IT_MEANS: Record<string, string> = {
	[TASK_OPERATIONS.pause]: 'The task keeps calling people.',
	[TASK_OPERATIONS.resume]: 'The task is not calling anyone.',
	[TASK_OPERATIONS.terminate]: 'The task was not stopped for good.',
	[TASK_OPERATIONS.delete]: 'The task was not deleted.',
};

/** The effect shown (the task as listed; none once deleted or for verbs the list cannot show), or a task not listed yet. */
export type Confirmation = { confirmed: true; task?: KnownTask } | { confirmed: false };

/**
 * After Yunke answered success to a 5.2 verb: reads the task's status until it shows the effect.
 * A success that changed nothing (some tenants answer success, code 0, to a `pkeys` they do not take) is an error.
 * A task the list has not shown during the whole look (a task just created: 5.1 may list it late) cannot
 * be confirmed: the caller says so.
 */
export async function confirmTaskOperation(
	ctx: IExecuteFunctions,
	itemIndex: number,
	task: { id: string; given: string },
	oper: string,
): Promise<Confirmation> {
	const effect = TASK_EFFECTS[oper];
	if (!effect) return { confirmed: true };
	let last: KnownTask | undefined;
	let everListed = false;
	const seen = await pollUntil(CONFIRM_WAIT_MS, async () => {
		last = await findListedTask(ctx, itemIndex, isTask({ id: task.id }));
		everListed ||= last !== undefined;
		return effect.shows(last) ? { task: last } : undefined;
	});
	if (seen) return { confirmed: true, task: seen.task };
	if (!everListed) return { confirmed: false };
	const now = last ? statusName(last.status) : 'gone';
	const still = now === 'sending' ? 'dialling' : now;
	const named = task.given === task.id ? task.id : `${task.id} (${task.given})`;
	throw new NodeOperationError(ctx.getNode(), `Yunke answered success but task ${named} is still ${still}`, {
		itemIndex,
		description:
			`The task should be ${effect.expected}; ${Math.round(CONFIRM_WAIT_MS / 1000)} seconds after the request the task list still shows it ${still}. ` +
			`${WHAT_IT_MEANS[oper] ?? ''} ` +
			(still === 'terminated'
				? 'A terminated task cannot be resumed or paused: create a new task with its numbers instead.'
				: 'Run the node again in a minute; if the status still does not change, change it in the Yunke console and tell Yunke support that operateTask (5.2) answered success without effect.'),
	});
}

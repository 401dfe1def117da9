import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { TASK_OPERATIONS } from '../../../../shared/contract';
import { pollUntil } from '../../../../transport';
import { sendTaskOperation } from '../control/taskOperation';
import { statusName } from '../shared/taskStatus';
import { findListedTask, isTask, type KnownTask } from '../shared/taskList';
import type { TaskReference } from '../shared/taskReference';
import type { ImportSettings } from './settings';
import type { TaskRef } from './send';

/** What the summary says about dialling: started, or kept off (and whether the node had to pause the task). */
export interface DiallingOutcome extends IDataObject {
	diallingStarted: boolean;
	diallingStoppedByNode?: boolean;
	diallingNote?: string;
}

/**
 * Start Dialling on: a new task starts with its creating request (`is_zidong: "on"`); it is resumed once
 * more after appends, as an append pauses a task that had dialled everything (5.7.2). An existing task is
 * resumed at the end. The resume is confirmed from the task's status (control/taskOperation.ts).
 */
export async function startDialling(
	ctx: IExecuteFunctions,
	task: TaskRef,
	{ createdHere, requestsSent, failed }: { createdHere: boolean; requestsSent: number; failed: boolean },
	itemIndex: number,
): Promise<DiallingOutcome> {
	if (failed || (createdHere && requestsSent <= 1)) return { diallingStarted: createdHere };
	const { confirmed } = await sendTaskOperation(ctx, itemIndex, referenceTo(task), TASK_OPERATIONS.resume);
	if (confirmed) return { diallingStarted: true };
	return {
		diallingStarted: true,
		diallingNote: 'Yunke answered success to starting the task, but the task list did not show the task yet, so that it dials could not be confirmed: check it with Task → Get Many.',
	};
}

/** The task as control names it: its id, or its sn when an answer gave no id (resolved through 5.1 then). */
function referenceTo(task: TaskRef): TaskReference {
	return task.id ? { id: task.id, given: task.id } : { sn: task.sn, given: task.sn };
}

/** How long to look for a task just created before saying its dialling state could not be read. */
const LISTED_WAIT_MS = 5000;

/**
 * Start Dialling off. The node sends no `is_zidong` then: the only value any public client sends is "on"
 * (5.7.2 documents none), and a PHP checkbox field is read as "present = on", so "off" or "0" could start
 * the task. What a creation without it does is not documented either: some tenants start dialling at once.
 * So the task's status is read after the rows went in; a task dialling that was not dialling before is
 * paused at once (confirmed), and the summary says so.
 */
export async function keepDiallingOff(
	ctx: IExecuteFunctions,
	settings: ImportSettings,
	task: TaskRef,
	diallingBefore: boolean,
	itemIndex: number,
): Promise<DiallingOutcome> {
	const createdHere = settings.target.kind === 'new';
	if (diallingBefore) {
		return { diallingStarted: false, diallingNote: 'The task was already dialling before this import; it was left dialling.' };
	}
	const reference = referenceTo(task);
	const listed = await pollUntil(LISTED_WAIT_MS, async () => await findListedTask(ctx, itemIndex, isTask(reference)));
	if (!listed) {
		return {
			diallingStarted: false,
			diallingNote: `The task did not show in the task list within ${LISTED_WAIT_MS / 1000} seconds, so the node could not check that it is not dialling: check it with Task → Get Many and pause it if needed.`,
		};
	}
	const status = statusName(listed.status);
	if (status === 'sending') {
		const { confirmed } = await sendTaskOperation(ctx, itemIndex, reference, TASK_OPERATIONS.pause);
		const started = `Yunke started dialling the task on its own ${createdHere ? 'when it was created' : 'when the rows were added'} (${callsMade(listed)})`;
		return {
			diallingStarted: false,
			diallingStoppedByNode: true,
			diallingNote: confirmed
				? `${started}; the node paused it at once. Start it with Task → Start when you want it to call.`
				: `${started}; the node paused it, but the task list no longer showed the task to confirm it: check it with Task → Get Many.`,
		};
	}
	if (status === 'sent' && createdHere) {
		return {
			diallingStarted: false,
			diallingStoppedByNode: false,
			diallingNote: `Yunke started dialling the task on its own when it was created and had called every number (${callsMade(listed)}) before the node could pause it.`,
		};
	}
	return { diallingStarted: false };
}

function callsMade(task: KnownTask): string {
	const sent = Number(task.row.send_count);
	return Number.isFinite(sent) ? `${sent} numbers called by then` : 'calls may have been made';
}

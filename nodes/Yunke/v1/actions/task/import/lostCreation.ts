import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listingWaitMs, lookWithBackoff, lostAnswerWaitMs } from '../../../../transport/poll';
import type { LostAnswer } from '../../../../transport';
import { listTasksCreatedSince, type KnownTask } from '../shared/taskList';
import { creationMayHaveHappened, howLost } from './maybeApplied';

/** What the run's summary says of a creation settled from the task list (one creation per run). */
const settledCreations = new WeakMap<IExecuteFunctions, string>();

export function creationSettlement(ctx: IExecuteFunctions): string | undefined {
	return settledCreations.get(ctx);
}

export interface CreationAttempt {
	taskName: string;
	/** sns of every task listed just before the creation was sent */
	tasksBefore: Set<string>;
	sentAt: string;
	endpoint: string;
	itemIndex: number;
}

/**
 * The transport's `reconcile` for a creation whose answer was lost, or was code 500: the task list is read
 * with backoff, for as long as Yunke may take to apply the request and list the task (after a 500, only to
 * list it), for a task of this name that did not exist before. Found: its ids stand in for the answer. Not found: never sent again (a second task
 * would dial the same people twice), the run stops with an error saying the task may exist.
 */
export async function findLostCreation(ctx: IExecuteFunctions, attempt: CreationAttempt, lost: LostAnswer): Promise<IDataObject> {
	const isNew = (task: KnownTask) => task.name === attempt.taskName && !attempt.tasksBefore.has(task.sn);
	const waitMs = lost.fault.kind === 'serverError' ? listingWaitMs(lost.timeoutMs) : lostAnswerWaitMs(lost.timeoutMs);
	const created = await lookWithBackoff(waitMs, async () => {
		try {
			const tasks = (await listTasksCreatedSince(ctx, attempt.itemIndex, attempt.sentAt, isNew)).filter(isNew);
			return tasks.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || Number(b.id) - Number(a.id))[0];
		} catch {
			return undefined; // an unreadable list is looked at again until the wait is over
		}
	});
	if (!created) {
		throw creationMayHaveHappened(ctx, { ...attempt, fault: lost.fault, waitedSeconds: Math.round(waitMs / 1000) });
	}
	settledCreations.set(ctx, `${howLost(ctx, { fault: lost.fault, endpoint: attempt.endpoint })}; the new task was found in the task list, so the creation was not sent again.`);
	return {
		code: 0,
		msg: 'created (found in the task list after the answer was lost)',
		data: { dial_task_main_id: created.id, dial_task_main_sn: created.sn },
		foundInTaskList: true,
	};
}

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listingWaitMs, lostAnswerWaitMs, pollUntil, transportError, type LostAnswer, type Reconciled, type TransportFault } from '../../../../transport';
import { listTasksCreatedSince, type KnownTask } from '../shared/taskList';
import { importPercent, readImportMark, readImportResult, rejectedRowsFrom, rowsReceived, subtractMarks, type ExpectedCounts } from './counts';
import type { BatchAnswer, TaskRef } from './send';

// The stage "lost answers" (called by send.ts as the transport's `reconcile`): a creation whose answer was
// lost is looked for in the task list, an append in the task's counts; neither is sent again on a guess.

/**
 * An import request whose answer was lost and whose effect the task list and counts could not settle.
 * It is never sent again on a guess (that could dial the same people twice): the user checks and resumes.
 */
export class MaybeAppliedError extends NodeOperationError {}

/** What the lookups know of the request: when and where it was sent, for which item. */
export interface SentRequest {
	/** China time the request was sent */
	sentAt: string;
	endpoint: string;
	itemIndex: number;
}

export interface CreationAttempt extends SentRequest {
	taskName: string;
	/** sns of every task listed just before the creation was sent */
	tasksBefore: Set<string>;
}

/**
 * A creation whose answer was lost, or was code 500: the task list is read with backoff, for as long as
 * Yunke may take to apply the request and list the task (after a 500, only to list it), for a task of this
 * name that did not exist before. Found: its ids stand in for the answer (its counts are not known). Not
 * found: never sent again (a second task would dial the same people twice), the run stops with an error
 * saying the task may exist.
 */
export async function findLostCreation(ctx: IExecuteFunctions, attempt: CreationAttempt, lost: LostAnswer): Promise<Reconciled<BatchAnswer>> {
	const isNew = (task: KnownTask) => task.name === attempt.taskName && !attempt.tasksBefore.has(task.sn);
	const waitMs = lost.fault.kind === 'serverError' ? listingWaitMs(lost.timeoutMs) : lostAnswerWaitMs(lost.timeoutMs);
	const created = await pollUntil(waitMs, async () => {
		try {
			const tasks = (await listTasksCreatedSince(ctx, attempt.itemIndex, attempt.sentAt, isNew)).filter(isNew);
			return tasks.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || Number(b.id) - Number(a.id))[0];
		} catch {
			return undefined; // an unreadable list is looked at again until the wait is over
		}
	});
	if (!created) return { kind: 'unknown', error: creationMayHaveHappened(ctx, attempt, lost.fault, Math.round(waitMs / 1000)) };
	const creationSettled = `${howLost(ctx, lost.fault, attempt.endpoint)}; the new task was found in the task list, so the creation was not sent again.`;
	return { kind: 'confirmed', result: { task: { id: created.id, sn: created.sn, name: attempt.taskName }, data: undefined, creationSettled } };
}

export interface AppendAttempt extends SentRequest {
	task: TaskRef;
	/** rows this request carries; undefined for an Excel file (Yunke counts them when it reads it) */
	rows: number | undefined;
	expected: ExpectedCounts | undefined;
}

type Seen = { landed: IDataObject } | { moved: number } | 'unchanged' | 'importing' | 'unreadable';

/**
 * An append whose answer was lost: the task's counts (5.7.4), once Yunke has finished importing, say
 * whether the request landed (rows received grew by its rows: its counts stand in for the answer) or not
 * (unchanged for the whole wait: sent once more, and after a second lost answer looked for once more).
 * Anything else stops the run: the rows may have been imported and are never sent again on a guess.
 */
export async function confirmAppend(ctx: IExecuteFunctions, attempt: AppendAttempt, lost: LostAnswer): Promise<Reconciled<BatchAnswer>> {
	const { expected, rows } = attempt;
	const unclear = (why: string): Reconciled<BatchAnswer> => ({ kind: 'unknown', error: rowsMayHaveBeenImported(ctx, attempt, lost.fault, why) });
	if (expected === undefined || rows === undefined) {
		return unclear("the task's counts cannot show whether it arrived, as the number of rows in it is not known before Yunke reads it");
	}
	let last = 'unreadable' as Seen;
	const waitMs = lostAnswerWaitMs(lost.timeoutMs);
	const settled = await pollUntil(waitMs, async () => {
		last = await look(ctx, attempt, expected, rows);
		return typeof last === 'object' ? last : undefined;
	});
	if (settled && 'landed' in settled) return { kind: 'confirmed', result: landedAnswer(attempt.task, expected, settled.landed) };
	if (settled) return unclear(`the task now holds ${settled.moved} rows more than before it, not ${rows} (another import into this task meanwhile?)`);
	if (last === 'unchanged' && !lost.resent) return { kind: 'sendAgain' };
	if (last === 'unchanged') return unclear("it did not show in the task's counts, the first time nor when it was sent again");
	const seconds = Math.round(waitMs / 1000);
	return unclear(last === 'importing' ? `Yunke was still importing into the task ${seconds} seconds later` : "the task's import counts could not be read");
}

async function look(ctx: IExecuteFunctions, attempt: AppendAttempt, expected: ExpectedCounts, rows: number): Promise<Seen> {
	let result: IDataObject;
	try {
		result = await readImportResult(ctx, attempt.task.id, attempt.itemIndex);
	} catch {
		return 'unreadable';
	}
	if (importPercent(result.import_percent) < 100) return 'importing';
	const received = rowsReceived(result);
	if (received === undefined) return 'unreadable';
	if (received === expected.received + rows) return { landed: result };
	return received === expected.received ? 'unchanged' : { moved: received - expected.received };
}

/** What the request's answer would have said: this request's counts and rejected rows, where known. */
function landedAnswer(task: TaskRef, expected: ExpectedCounts, result: IDataObject): BatchAnswer {
	const data: IDataObject = {};
	if (expected.mark) data.import_mark = subtractMarks(readImportMark(result.import_mark), expected.mark);
	if (expected.rejectedRows !== undefined) data.import_fail_data = rejectedRowsFrom(result.import_fail_data).slice(expected.rejectedRows);
	return { task, data };
}

function lostBecause(ctx: IExecuteFunctions, fault: TransportFault, endpoint: string): string {
	return transportError(ctx.getNode(), fault, endpoint).message;
}

/** "Yunke answered code 500 …" or "no answer came back (…)": what left the creation's outcome unknown. */
function howLost(ctx: IExecuteFunctions, fault: TransportFault, endpoint: string): string {
	if (fault.kind === 'serverError') return `Yunke answered the creation with code ${fault.status} (server error; ${fault.detail})`;
	return `no answer came back to the creation (${lostBecause(ctx, fault, endpoint)})`;
}

function creationMayHaveHappened(ctx: IExecuteFunctions, attempt: CreationAttempt, fault: TransportFault, waitedSeconds: number): MaybeAppliedError {
	const { taskName, sentAt } = attempt;
	const serverError = fault.kind === 'serverError';
	const title = serverError ? `Yunke answered the creation with a server error (code ${fault.status})` : "Yunke's answer to the creation was lost";
	return new MaybeAppliedError(ctx.getNode(), `The task "${taskName}" may have been created: ${title}`, {
		itemIndex: attempt.itemIndex,
		description:
			`The creation request was sent at ${sentAt} (China time), and ${howLost(ctx, fault, attempt.endpoint)}. ` +
			`No new task named "${taskName}" showed in the task list within ${waitedSeconds} seconds, but Yunke may still list it later, ` +
			'so the request was not sent again: a second task would dial the same people twice. ' +
			`To check, run Task → Get Many with Filters → Task Name "${taskName}" (created from ${sentAt}). ` +
			'If the task is there, add the rows it lacks with Task → Import Data (Into: Existing Task) into that task; if it is not, run this node again.' +
			(serverError
				? " If Yunke's message names the limit of 100 new tasks a day, no task was created: add the rows to an existing task with Task → Import Data (Into: Existing Task), or create the task tomorrow."
				: ''),
	});
}

function rowsMayHaveBeenImported(ctx: IExecuteFunctions, attempt: AppendAttempt, fault: TransportFault, why: string): MaybeAppliedError {
	const { task } = attempt;
	return new MaybeAppliedError(ctx.getNode(), `These rows may have been imported into task ${task.name}: Yunke's answer was lost`, {
		itemIndex: attempt.itemIndex,
		description:
			`The import request was sent at ${attempt.sentAt} (China time), and no answer came back (${lostBecause(ctx, fault, attempt.endpoint)}); ${why}. ` +
			'So the rows were not sent again: rows imported twice may be dialled twice. ' +
			`To check, run Task → Get Import Result or Task → Get Details for task ${task.name} (ID ${task.id}, sn ${task.sn}), ` +
			'then send only the rows it lacks with Task → Import Data (Into: Existing Task) into that task.',
	});
}

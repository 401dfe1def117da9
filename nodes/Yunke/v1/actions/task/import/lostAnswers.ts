import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { IMPORT_MARK_ROWS_RECEIVED } from '../../../../shared/contract';
import { lookWithBackoff, lostAnswerWaitMs } from '../../../../transport/poll';
import type { LostAnswer } from '../../../../transport';
import { addMarks, importPercent, readImportMark, rejectedRowsFrom, subtractMarks, type ImportMark } from './counts';
import { readImportResult } from './importResult';
import { rowsMayHaveBeenImported } from './maybeApplied';

/** The task's 5.7.4 counts as they should stand before a request lands; undefined when not known. */
export interface ExpectedCounts {
	received: number;
	/** the whole `import_mark` and the rejected rows so far: known after synchronous imports only */
	mark?: ImportMark;
	rejectedRows?: number;
}

export interface AppendAttempt {
	task: { id: string; sn: string; name: string };
	/** rows this request carries; undefined for an Excel file (Yunke counts them when it reads it) */
	rows: number | undefined;
	expected: ExpectedCounts | undefined;
	sentAt: string;
	endpoint: string;
	itemIndex: number;
}

type Seen = { landed: IDataObject } | { moved: number } | 'unchanged' | 'importing' | 'unreadable';

/**
 * The transport's `reconcile` for an append whose answer was lost: the task's counts (5.7.4), once Yunke
 * has finished importing, say whether the request landed (rows received grew by its rows: its counts stand
 * in for the answer) or not (unchanged for the whole wait: `notLanded` sends it once more).
 * Anything else stops the run: the rows may have been imported and are never sent again on a guess.
 */
export async function confirmAppend(
	ctx: IExecuteFunctions,
	attempt: AppendAttempt,
	lost: LostAnswer,
	/** what to do when the request did not land; without it (the second try) the run stops */
	notLanded?: () => Promise<IDataObject>,
): Promise<IDataObject> {
	const { expected, rows } = attempt;
	const unclear = (why: string) => rowsMayHaveBeenImported(ctx, { ...attempt, fault: lost.fault, why });
	if (expected === undefined || rows === undefined) {
		throw unclear("the task's counts cannot show whether it arrived, as the number of rows in it is not known before Yunke reads it");
	}
	let last = 'unreadable' as Seen;
	const waitMs = lostAnswerWaitMs(lost.timeoutMs);
	const settled = await lookWithBackoff(waitMs, async () => {
		last = await look(ctx, attempt, expected, rows);
		return typeof last === 'object' ? last : undefined;
	});
	if (settled && 'landed' in settled) return landedAnswer(attempt, expected, settled.landed);
	if (settled) throw unclear(`the task now holds ${settled.moved} rows more than before it, not ${rows} (another import into this task meanwhile?)`);
	if (last === 'unchanged' && notLanded) return await notLanded();
	if (last === 'unchanged') throw unclear("it did not show in the task's counts, the first time nor when it was sent again");
	const seconds = Math.round(waitMs / 1000);
	throw unclear(last === 'importing' ? `Yunke was still importing into the task ${seconds} seconds later` : "the task's import counts could not be read");
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

/** The answer the request would have had: this request's counts and rejected rows, where known. */
function landedAnswer(attempt: AppendAttempt, expected: ExpectedCounts, result: IDataObject): IDataObject {
	const data: IDataObject = { dial_task_main_id: attempt.task.id, dial_task_main_sn: attempt.task.sn };
	if (expected.mark) data.import_mark = subtractMarks(readImportMark(result.import_mark), expected.mark);
	if (expected.rejectedRows !== undefined) data.import_fail_data = rejectedRowsFrom(result.import_fail_data).slice(expected.rejectedRows);
	return { code: 0, msg: 'imported (confirmed from the task counts after the answer was lost)', data };
}

/** The counts expected once a batch of `rows` landed with this answer (`data`, synchronous imports only). */
export function countsAfter(expected: ExpectedCounts | undefined, rows: number | undefined, data: IDataObject | undefined): ExpectedCounts | undefined {
	if (expected === undefined || rows === undefined) return undefined;
	const received = expected.received + rows;
	if (data?.import_mark === undefined || expected.mark === undefined || expected.rejectedRows === undefined) return { received };
	return {
		received,
		mark: addMarks({ ...expected.mark }, readImportMark(data.import_mark)),
		rejectedRows: expected.rejectedRows + rejectedRowsFrom(data.import_fail_data).length,
	};
}

/** What the task's counts are known to be from a 5.7.4 answer read before sending (none while it still imports). */
export function countsFrom(result: IDataObject, sync: boolean): ExpectedCounts | undefined {
	const received = rowsReceived(result);
	if (received === undefined || importPercent(result.import_percent) < 100) return undefined;
	return sync ? { received, mark: readImportMark(result.import_mark), rejectedRows: rejectedRowsFrom(result.import_fail_data).length } : { received };
}

/** Rows the task has received so far; an `import_mark` object without the counter means none yet. */
function rowsReceived(result: IDataObject): number | undefined {
	const raw = result.import_mark;
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
	return readImportMark(raw)[IMPORT_MARK_ROWS_RECEIVED] ?? 0;
}

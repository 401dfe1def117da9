import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { CLIENT_INFO_JSON_FORMS } from '../../../../shared/contract';
import type { ImportBatch } from './batches';
import type { BeforeSending, Prepared } from './beforeSending';
import { addMarks, readImportMark, rejectedRowsFrom, type ImportMark } from './importResultFields';
import { readImportResult } from './importResult';
import { countsAfter, countsFrom } from './lostAppend';
import { rejectedItems } from './output';
import type { ImportSettings } from './settings';
import { submitBatch, type SubmitContext, type TaskRef } from './submitBatch';

export interface SentBatches {
	task: TaskRef | undefined;
	/** batches Yunke took, in order; the first one not taken failed with `failure` */
	sent: number;
	failure: unknown;
	/** synchronous imports: the counts of every batch taken, and whether every answer had them */
	mark: ImportMark;
	syncCountsComplete: boolean;
	rejected: INodeExecutionData[];
}

/** Sends the batches in order until one fails; the first creates the task unless the target exists. */
export async function sendBatches(ctx: IExecuteFunctions, settings: ImportSettings, prepared: Prepared, before: BeforeSending): Promise<SentBatches> {
	const { target } = before;
	const sync = settings.mode === 'sync';
	const run: SubmitContext = {
		settings,
		rows: prepared.rows,
		task: target ? { id: target.id, sn: target.sn, name: target.name } : undefined,
		taskName: settings.target.kind === 'new' ? settings.target.taskName : (target?.name ?? ''),
		tasksBefore: before.tasksBefore,
		expected: before.baseline ? countsFrom(before.baseline, sync) : sync ? { received: 0, mark: {}, rejectedRows: 0 } : { received: 0 },
		clientInfoForm: CLIENT_INFO_JSON_FORMS[0],
	};
	const result: SentBatches = { task: run.task, sent: 0, failure: undefined, mark: {}, syncCountsComplete: true, rejected: [] };
	for (const batch of prepared.batches) {
		try {
			const answer = await submitBatch(ctx, batch, run);
			run.task = result.task = answer.task;
			settings.onTaskKnown?.(answer.task);
			// a creation found in the task list after a lost answer: the new task holds only this batch
			const data = sync ? (answer.data ?? (await readImportResult(ctx, answer.task.id))) : undefined;
			run.expected = countsAfter(run.expected, rowsIn(batch), data);
			if (data) {
				addMarks(result.mark, readImportMark(data.import_mark));
				if (data.import_mark === undefined) result.syncCountsComplete = false;
				const positions = batch.kind === 'rows' ? { start: batch.start, end: batch.end } : undefined;
				result.rejected.push(...rejectedItems(rejectedRowsFrom(data.import_fail_data), prepared.rows, positions, batch.itemIndexes, answer.task));
			}
			result.sent++;
		} catch (error) {
			result.failure = error;
			break;
		}
	}
	return result;
}

function rowsIn(batch: ImportBatch): number | undefined {
	return batch.kind === 'rows' ? batch.end - batch.start : undefined;
}

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ImportBatch } from './batches';
import { readImportMark, rejectedRowsFrom, subtractMarks, type ImportMark } from './counts';
import { waitForImport } from './importResult';
import { rejectedItems } from './output';
import type { MappedRows } from './rows';
import type { ImportSettings } from './settings';
import type { TaskRef } from './send';

/** A background import: waits for 5.7.4 to finish (when asked) and counts only this run against the baseline. */
export async function backgroundCounts(
	ctx: IExecuteFunctions,
	settings: ImportSettings,
	task: TaskRef,
	sentBatches: ImportBatch[],
	rows: MappedRows | undefined,
	baseline: IDataObject | undefined,
): Promise<{ finished: boolean; counts?: ImportMark; rejected: INodeExecutionData[] }> {
	if (!settings.waitForImport) return { finished: false, rejected: [] };
	const waited = await waitForImport(ctx, task.id, settings.waitTimeoutSeconds);
	if (!waited.finished) return { finished: false, rejected: [] };
	const counts = subtractMarks(readImportMark(waited.result.import_mark), readImportMark(baseline?.import_mark));
	const newRejections = rejectedRowsFrom(waited.result.import_fail_data).slice(rejectedRowsFrom(baseline?.import_fail_data).length);
	const lastRow = sentBatches.reduce((end, batch) => (batch.kind === 'rows' ? batch.end : end), 0);
	const sentItems = sentBatches.flatMap((batch) => batch.itemIndexes);
	return { finished: true, counts, rejected: rejectedItems(newRejections, rows, { start: 0, end: lastRow }, sentItems, task) };
}

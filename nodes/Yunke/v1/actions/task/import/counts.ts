import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ENDPOINTS, IMPORT_FAIL_REASON_FIELD, IMPORT_MARK_NAMES, IMPORT_MARK_ROWS_RECEIVED } from '../../../../shared/contract';
import { ownEntry } from '../../../../shared/ownEntry';
import { dataOf, pollUntil, yunkeApiRequest } from '../../../../transport';
import type { ImportBatch, MappedRows } from './rows';
import type { ImportSettings } from './settings';

// The counts of an import (used by the stages send, lost answers and background counts): the fields of
// an import answer (5.7.2) or import result (5.7.4) — `import_mark` counts, `import_fail_data` rows and the
// reason of each, `import_percent` — and the rejected rows paired with their items.

export type ImportMark = Record<string, number>;

/** `import_mark` as numbers; a text `import_mark` (a failed async import) gives no counts. */
export function readImportMark(raw: unknown): ImportMark {
	const mark: ImportMark = {};
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return mark;
	for (const [key, value] of Object.entries(raw as IDataObject)) {
		const count = Number(value);
		if (Number.isFinite(count)) mark[key] = count;
	}
	return mark;
}

export function addMarks(total: ImportMark, more: ImportMark): ImportMark {
	for (const [key, count] of Object.entries(more)) total[key] = (ownEntry(total, key) ?? 0) + count;
	return total;
}

export function subtractMarks(after: ImportMark, before: ImportMark): ImportMark {
	const delta: ImportMark = {};
	for (const [key, count] of Object.entries(after)) delta[key] = count - (ownEntry(before, key) ?? 0);
	return delta;
}

/** The vendor counters under English names (`successCount` → `imported`); unknown counters keep their name. */
export function englishCounts(mark: ImportMark): IDataObject {
	const counts: IDataObject = {};
	for (const [key, count] of Object.entries(mark)) {
		counts[ownEntry(IMPORT_MARK_NAMES as Record<string, string>, key) ?? key] = count;
	}
	return counts;
}

export function rejectedRowsFrom(raw: unknown): IDataObject[] {
	return Array.isArray(raw) ? (raw.filter((row) => row && typeof row === 'object') as IDataObject[]) : [];
}

export function rejectionReason(row: IDataObject): string {
	const vendorReason = row[IMPORT_FAIL_REASON_FIELD];
	const detail = typeof vendorReason === 'string' && vendorReason ? ` (Yunke: ${vendorReason})` : '';
	return `Yunke rejected this row${detail}; most often the phone number is not a number Yunke can dial`;
}

/** import_percent may come as 100, "100" or "100%". */
export function importPercent(raw: unknown): number {
	const value = parseFloat(String(raw ?? ''));
	return Number.isFinite(value) ? value : 0;
}

/** 5.7.4: the task's import progress, counts and rejected rows. */
export async function readImportResult(ctx: IExecuteFunctions, taskId: string, itemIndex = 0): Promise<IDataObject> {
	const envelope = await yunkeApiRequest.call(ctx, {
		method: 'POST',
		endpoint: ENDPOINTS.taskImportResult,
		body: { dial_task_main_id: taskId },
		itemIndex,
		idempotent: true,
	});
	return dataOf(envelope);
}

/** The task's 5.7.4 counts as they should stand before a request lands; undefined when not known. */
export interface ExpectedCounts {
	received: number;
	/** the whole `import_mark` and the rejected rows so far: known after synchronous imports only */
	mark?: ImportMark;
	rejectedRows?: number;
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
export function rowsReceived(result: IDataObject): number | undefined {
	const raw = result.import_mark;
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
	return readImportMark(raw)[IMPORT_MARK_ROWS_RECEIVED] ?? 0;
}

/** A background import: waits for 5.7.4 to finish (when asked) and counts only this run against the baseline. */
export async function backgroundCounts(
	ctx: IExecuteFunctions,
	settings: ImportSettings,
	task: { id: string; sn: string },
	sentBatches: ImportBatch[],
	rows: MappedRows | undefined,
	baseline: IDataObject | undefined,
): Promise<{ finished: boolean; counts?: ImportMark; rejected: INodeExecutionData[] }> {
	if (!settings.waitForImport) return { finished: false, rejected: [] };
	const final = await pollUntil(settings.waitTimeoutSeconds * 1000, async () => {
		const result = await readImportResult(ctx, task.id);
		return importPercent(result.import_percent) >= 100 ? result : undefined;
	});
	if (!final) return { finished: false, rejected: [] };
	const counts = subtractMarks(readImportMark(final.import_mark), readImportMark(baseline?.import_mark));
	const newRejections = rejectedRowsFrom(final.import_fail_data).slice(rejectedRowsFrom(baseline?.import_fail_data).length);
	const lastRow = sentBatches.reduce((end, batch) => (batch.kind === 'rows' ? batch.end : end), 0);
	const sentItems = sentBatches.flatMap((batch) => batch.itemIndexes);
	return { finished: true, counts, rejected: rejectedItems(newRejections, rows, { start: 0, end: lastRow }, sentItems, task) };
}

/**
 * One item per row Yunke rejected, paired with the input item it came from: rows are matched by
 * their phone number among the rows sent; rows that cannot be matched pair with every item sent.
 */
export function rejectedItems(
	rejected: IDataObject[],
	rows: MappedRows | undefined,
	sentPositions: { start: number; end: number } | undefined,
	fallbackItems: number[],
	task: { id: string; sn: string },
): INodeExecutionData[] {
	if (rejected.length === 0) return [];
	const byPhone = rows && sentPositions ? phoneIndex(rows, sentPositions) : new Map<string, number[]>();
	const phoneKeys = rows ? rows.columns.filter((column) => column.isPhone).flatMap((column) => [column.name, column.key]) : [];
	return rejected.map((row) => {
		const phone = phoneKeys.map((key) => String(row[key] ?? '').trim()).find((value) => value !== '') ?? '';
		const itemIndex = byPhone.get(phone)?.shift();
		return {
			json: { rejected: true, reason: rejectionReason(row), row, taskId: task.id, taskSn: task.sn },
			pairedItem: itemIndex === undefined ? fallbackItems.map((item) => ({ item })) : { item: itemIndex },
		};
	});
}

function phoneIndex(rows: MappedRows, { start, end }: { start: number; end: number }): Map<string, number[]> {
	const index = new Map<string, number[]>();
	for (let position = start; position < end; position++) {
		for (const phone of rows.phones[position].split(',')) {
			if (!phone) continue;
			const list = index.get(phone) ?? [];
			list.push(rows.itemIndexes[position]);
			index.set(phone, list);
		}
	}
	return index;
}

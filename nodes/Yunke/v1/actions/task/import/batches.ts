import type { MultipartFile } from '../../../../shared/multipart';
import { encodeImportRows } from '../../../../shared/contract';
import type { MappedRows } from './rows';

/** One import request: a chunk of mapped rows, or one Excel file. */
export type ImportBatch =
	| { kind: 'rows'; start: number; end: number; itemIndexes: number[] }
	| { kind: 'excel'; itemIndexes: number[]; file: MultipartFile };

/** Consecutive chunks of at most `chunkSize` rows; the first creates the task, the rest append. */
export function rowBatches(rows: MappedRows, chunkSize: number): ImportBatch[] {
	const batches: ImportBatch[] = [];
	for (let start = 0; start < rows.values.length; start += chunkSize) {
		const end = Math.min(start + chunkSize, rows.values.length);
		batches.push({ kind: 'rows', start, end, itemIndexes: rows.itemIndexes.slice(start, end) });
	}
	return batches;
}

/** `client_info_json` for one chunk, keyed by the template columns without `*` (contract `importRowKey`). */
export function encodeBatchRows(rows: MappedRows, batch: { start: number; end: number }): string {
	const keys = rows.columns.map((column) => column.key);
	const chunk: Array<Record<string, string>> = new Array(batch.end - batch.start);
	for (let position = batch.start; position < batch.end; position++) {
		const values = rows.values[position];
		const row: Record<string, string> = {};
		for (let column = 0; column < keys.length; column++) row[keys[column]] = values[column];
		chunk[position - batch.start] = row;
	}
	return encodeImportRows(chunk);
}

/** Input item indexes as readable ranges: [0,1,2,5] → "0-2, 5". */
export function itemRanges(itemIndexes: number[]): string {
	const sorted = [...itemIndexes].sort((a, b) => a - b);
	const parts: string[] = [];
	for (let index = 0; index < sorted.length; index++) {
		const from = sorted[index];
		while (index + 1 < sorted.length && sorted[index + 1] === sorted[index] + 1) index++;
		parts.push(from === sorted[index] ? String(from) : `${from}-${sorted[index]}`);
	}
	return parts.join(', ');
}

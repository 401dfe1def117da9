import type { MultipartFile } from '../../../../shared/multipart';
import { encodeImportRows, type ClientInfoJsonForm } from '../../../../shared/contract';
import { PiecewiseJson, PiecewiseText } from '../../../../shared/phpJson';
import type { MappedRows } from './rows';

/** One import request: a chunk of mapped rows, or one Excel file. */
export type ImportBatch =
	| { kind: 'rows'; start: number; end: number; itemIndexes: number[] }
	| { kind: 'excel'; itemIndexes: number[]; file: MultipartFile };

/** Consecutive chunks of at most `chunkSize` rows; the first creates the task, the rest append. */
export function rowBatches(rows: MappedRows, chunkSize: number): ImportBatch[] {
	const batches: ImportBatch[] = [];
	for (let start = 0; start < rows.itemIndexes.length; start += chunkSize) {
		const end = Math.min(start + chunkSize, rows.itemIndexes.length);
		batches.push({ kind: 'rows', start, end, itemIndexes: rows.itemIndexes.slice(start, end) });
	}
	return batches;
}

/** `client_info_json` for one chunk, in either contract form: the rows' texts in the envelope of `encodeImportRows`. */
export function encodeBatchRows(
	rows: MappedRows,
	batch: { start: number; end: number },
	form: ClientInfoJsonForm = 'string',
): PiecewiseJson | PiecewiseText {
	const envelope = encodeImportRows([]);
	const pieces: string[] = [envelope.slice(0, -2)];
	for (let position = batch.start; position < batch.end; position++) {
		pieces.push(position === batch.start ? rows.encode(position) : `,${rows.encode(position)}`);
	}
	pieces.push(envelope.slice(-2));
	return form === 'object' ? new PiecewiseJson(pieces) : new PiecewiseText(pieces);
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

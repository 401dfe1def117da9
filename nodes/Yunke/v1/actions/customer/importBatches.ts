import type { IDataObject } from 'n8n-workflow';

import { CUSTOMER_COLUMNS, CUSTOMER_IMPORT_MAX_QUERY_BYTES } from '../../../shared/contract';
import type { RepeatedNumber } from '../../helpers/phoneNumber';

/** Where a customer row goes: the pool and its parameters. */
export interface ImportTarget {
	pool: 'private' | 'public';
	/** user_sn_input for the private pool, auto_ignore for the public pool */
	params: IDataObject;
}

export interface PendingRow {
	itemIndex: number;
	row: Record<string, string>;
}

export interface TargetedRow extends PendingRow {
	target: ImportTarget;
}

/** Rows with the same pool and owner travel together, in the order their items came. */
export function groupByTarget(rows: TargetedRow[]): Array<{ target: ImportTarget; rows: PendingRow[] }> {
	const groups = new Map<string, { target: ImportTarget; rows: PendingRow[] }>();
	for (const { target, itemIndex, row } of rows) {
		const key = JSON.stringify(target);
		if (!groups.has(key)) groups.set(key, { target, rows: [] });
		groups.get(key)?.rows.push({ itemIndex, row });
	}
	return [...groups.values()];
}

/** Rows whose number an earlier row of the same group already has are not sent. */
export function withoutRepeatedNumbers(rows: PendingRow[]): { firsts: PendingRow[]; repeats: RepeatedNumber[] } {
	const firstItemByPhone = new Map<string, number>();
	const firsts: PendingRow[] = [];
	const repeats: RepeatedNumber[] = [];
	for (const entry of rows) {
		const phone = entry.row[CUSTOMER_COLUMNS.phone];
		const first = firstItemByPhone.get(phone);
		if (first === undefined) {
			firstItemByPhone.set(phone, entry.itemIndex);
			firsts.push(entry);
		} else repeats.push({ itemIndex: entry.itemIndex, duplicateOf: first, phone });
	}
	return { firsts, repeats };
}

/** The `add_json` query parameter of 6.7.1/6.7.2. */
export function addJson(rows: PendingRow[]): string {
	return JSON.stringify({ data: rows.map((entry) => entry.row) });
}

/** Splits rows so that each request's `add_json`, URL-encoded, stays under the limit (one row always fits a request). */
export function chunkByQuerySize(rows: PendingRow[]): PendingRow[][] {
	const chunks: PendingRow[][] = [];
	let current: PendingRow[] = [];
	for (const row of rows) {
		const candidate = [...current, row];
		if (current.length > 0 && encodeURIComponent(addJson(candidate)).length > CUSTOMER_IMPORT_MAX_QUERY_BYTES) {
			chunks.push(current);
			current = [row];
		} else current = candidate;
	}
	if (current.length) chunks.push(current);
	return chunks;
}

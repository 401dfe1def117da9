import type { IDataObject } from 'n8n-workflow';

import { IMPORT_FAIL_REASON_FIELD, IMPORT_MARK_NAMES } from '../../../../shared/contract';
import { ownEntry } from '../../../../shared/ownEntry';

// The fields of an import answer (5.7.2) or import result (5.7.4): `import_mark` counts,
// `import_fail_data` rows and the reason of each, `import_percent`.

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

import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { formatChinaTime, parseChinaTime } from '../shared/chinaTime';
import { CREATION_DATES } from '../shared/contract';
import type { YunkeContext } from './context';
import { yunkeApiRequestAllItems, type PagingOptions } from './pagination';
import type { YunkeRequest } from './request';

const DAY_MS = 24 * 3600_000;

/** A creation-date range as 5.1 and 6.1 take it: `Y-m-d H:i:s`, China time, both ends included. */
export interface CreationRange {
	from: string;
	to: string;
}

/** The range to send: what the user gave, an open start from CREATION_DATES.earliest, an open end at the end of today. */
export function creationRange(from: string | undefined, to: string | undefined, now = new Date()): CreationRange {
	// the end of today, not now: a clock behind Yunke's would miss the newest rows
	return { from: from ?? CREATION_DATES.earliest, to: to ?? `${formatChinaTime(now).slice(0, 10)} 23:59:59` };
}

/** Consecutive windows of at most `days` days covering the range, newest first. */
export function rangeWindows(range: CreationRange, days: number = CREATION_DATES.windowDays): CreationRange[] {
	const start = timeOf(range.from);
	const windows: CreationRange[] = [];
	for (let end = timeOf(range.to); end >= start; ) {
		const windowStart = Math.max(start, end - days * DAY_MS + 1000);
		windows.push({ from: formatChinaTime(new Date(windowStart)), to: formatChinaTime(new Date(end)) });
		end = windowStart - 1000;
	}
	return windows;
}

/** 20002/30008 to a creation range wider than one window: the tenant limits how wide a range may be. */
export function refusesRange(error: unknown, range: CreationRange): boolean {
	const code = error instanceof NodeApiError ? Number(error.httpCode) : NaN;
	return (CREATION_DATES.refusalCodes as readonly number[]).includes(code) && timeOf(range.to) - timeOf(range.from) > CREATION_DATES.windowDays * DAY_MS;
}

export interface RangeRead {
	rows: IDataObject[];
	/** how many windows were read (1: the whole range at once) */
	windows: number;
}

/**
 * Every row of a 5.1/6.1 list created in `range`: one walk over the whole range, or, when the tenant
 * refuses a range that wide, one per window, newest first. No row is returned twice; `limit` and
 * `stopWhen` hold across windows.
 */
export async function yunkeApiRequestAllInRange(this: YunkeContext, request: YunkeRequest, range: CreationRange, paging: PagingOptions = {}): Promise<RangeRead> {
	const within = (window: CreationRange): YunkeRequest => ({
		...request,
		body: { ...(request.body as IDataObject), start_create_at: window.from, end_create_at: window.to },
	});
	const whole = await yunkeApiRequestAllItems.call(this, within(range), paging).catch((error: unknown) => {
		if (refusesRange(error, range)) return undefined;
		throw error;
	});
	if (whole) return { rows: whole, windows: 1 };
	const rows: IDataObject[] = [];
	const seen = new Set<string>();
	let read = 0;
	for (const window of rangeWindows(range)) {
		read++;
		const limit = paging.limit === undefined ? undefined : paging.limit - rows.length;
		const part = await yunkeApiRequestAllItems.call(this, within(window), { ...paging, limit });
		for (const row of part) {
			const key = JSON.stringify(row);
			if (seen.has(key)) continue;
			seen.add(key);
			rows.push(row);
		}
		if (paging.limit !== undefined && rows.length >= paging.limit) break;
		if (paging.stopWhen?.({ items: part, total: undefined })) break;
	}
	return { rows, windows: read };
}

/** What an output hint says of a range the node chose. */
export function describeRange(range: CreationRange, read: RangeRead): string {
	const windows = read.windows > 1 ? `, read in ${read.windows} windows of ${CREATION_DATES.windowDays} days` : '';
	return `Created from ${range.from} to ${range.to} (China time)${windows}`;
}

function timeOf(text: string): number {
	return (parseChinaTime(text) as Date).getTime();
}

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { LIMITS } from '../shared/contract';
import type { YunkeContext } from './context';
import { yunkeApiRequest, type YunkeRequest } from './request';

export interface ListPage {
	items: IDataObject[];
	total: number | undefined;
}

/** Reads the rows and the total from any of the vendor's list shapes (1.3; docs/vendor-facts.md, "Answers"). */
export function extractList(envelope: IDataObject): ListPage {
	const data = envelope.data;
	const candidates: unknown[] = [
		Array.isArray(data) ? data : undefined,
		(data as IDataObject | undefined)?.list,
		(data as IDataObject | undefined)?.data,
		envelope.datas,
		envelope.list,
	];
	const items = (candidates.find((candidate) => Array.isArray(candidate)) as IDataObject[] | undefined) ?? [];
	const totalRaw = (data as IDataObject | undefined)?.total ?? envelope.total;
	const total = totalRaw === undefined || totalRaw === null ? undefined : Number(totalRaw);
	return { items, total: Number.isFinite(total) ? total : undefined };
}

export interface PagingOptions {
	/** undefined = every row (Return All) */
	limit?: number;
	pageSize?: number;
	/** Stops after the page for which this holds (a lookup that found what it wanted). */
	stopWhen?: (page: ListPage) => boolean;
	/** Pages read before giving up on a list that never ends (a server ignoring `pageIndex`). */
	maxPages?: number;
}

/** 1,000 pages of 5,000 rows: more than any list a workflow can hold, fewer than an endless loop. */
export const MAX_PAGES = 1000;

/**
 * Walks `pageIndex` 0, 1, 2 … (page numbers, as public clients use them) until an empty page, the
 * limit, the answer's `total`, or (when there is no `total`) a short page; a hard page cap ends it with an error.
 * A row already read is never returned again: a list that documents no paging (8.1) answers the same
 * page whatever `pageIndex` says, and a list that grew between two reads repeats part of a page.
 */
export async function yunkeApiRequestAllItems(
	this: YunkeContext,
	request: YunkeRequest,
	{ limit, pageSize = LIMITS.maxPageSize, stopWhen, maxPages = MAX_PAGES }: PagingOptions = {},
): Promise<IDataObject[]> {
	if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
		throw new NodeOperationError(this.getNode(), `Limit: "${String(limit)}" is not a whole number at least 1 [item ${request.itemIndex ?? 0}]`, {
			itemIndex: request.itemIndex,
			description: 'Enter a whole number at least 1, or switch on Return All',
		});
	}
	const size = limit === undefined ? pageSize : Math.min(pageSize, limit);
	const rows: IDataObject[] = [];
	const seen = new Set<string>();
	for (let pageIndex = 0; pageIndex < maxPages; pageIndex++) {
		const pageParams = { pageIndex, pageSize: size };
		const pageRequest: YunkeRequest =
			request.method === 'GET'
				? { ...request, qs: { ...request.qs, ...pageParams }, idempotent: true }
				: { ...request, body: { ...(request.body as IDataObject), ...pageParams }, idempotent: true };
		const page = extractList(await yunkeApiRequest.call(this, pageRequest));
		if (page.items.length === 0) return rows;
		const before = rows.length;
		for (const item of page.items) {
			const key = JSON.stringify(item);
			if (seen.has(key)) continue;
			seen.add(key);
			rows.push(item);
		}
		if (stopWhen?.(page)) return rows;
		if (limit !== undefined && rows.length >= limit) return rows.slice(0, limit);
		if (page.total !== undefined && rows.length >= page.total) return rows;
		if (rows.length === before) throw repeatedPage(this, request, pageIndex, rows.length, page.total);
		// a server may send shorter pages than asked for: with a `total` only the total says the list ended
		if (page.total === undefined && page.items.length < size) return rows;
	}
	throw new NodeOperationError(this.getNode(), `Yunke kept sending pages of ${request.endpoint}: stopped after ${maxPages} pages (${rows.length} rows)`, {
		itemIndex: request.itemIndex,
		description:
			'The list did not end, so the server probably ignores the page number. Switch off Return All and set a Limit, or narrow the filters.',
	});
}

/** A page of nothing but rows already read: the list ignores the page number, and the rest cannot be reached. */
function repeatedPage(ctx: YunkeContext, request: YunkeRequest, pageIndex: number, read: number, total: number | undefined): NodeOperationError {
	const itemIndex = request.itemIndex ?? 0;
	const of = total === undefined ? 'an unknown number of' : String(total);
	return new NodeOperationError(
		ctx.getNode(),
		`Yunke answered page ${pageIndex + 1} of ${request.endpoint} with rows of an earlier page: only ${read} of ${of} rows can be read [item ${itemIndex}]`,
		{
			itemIndex,
			description:
				'This list ignores the page number, so the rows after the first page cannot be reached and none is returned twice. Narrow the filters so that fewer rows match, or switch off Return All and set a Limit.',
		},
	);
}

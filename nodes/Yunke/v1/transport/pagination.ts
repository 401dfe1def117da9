import type { IDataObject } from 'n8n-workflow';

import { LIMITS } from '../../shared/contract';
import type { YunkeContext } from './context';
import { yunkeApiRequest, type YunkeRequest } from './request';

export interface ListPage {
	items: IDataObject[];
	total: number | undefined;
}

/** Reads the rows and the total from any of the vendor's list shapes (§1.3). */
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
	/** Where the page parameters go: the body for POST, the query for GET. */
	onPage?: (page: ListPage, pageIndex: number) => void;
}

/** Walks `pageIndex` 0, 1, 2 … (page numbers, as public clients use them) until the list or the limit ends. */
export async function yunkeApiRequestAllItems(
	this: YunkeContext,
	request: YunkeRequest,
	{ limit, pageSize = LIMITS.maxPageSize, onPage }: PagingOptions = {},
): Promise<IDataObject[]> {
	const size = limit === undefined ? pageSize : Math.min(pageSize, Math.max(limit, 1));
	const rows: IDataObject[] = [];
	for (let pageIndex = 0; ; pageIndex++) {
		const pageParams = { pageIndex, pageSize: size };
		const pageRequest: YunkeRequest =
			request.method === 'GET'
				? { ...request, qs: { ...request.qs, ...pageParams }, idempotent: true }
				: { ...request, body: { ...(request.body as IDataObject), ...pageParams }, idempotent: true };
		const page = extractList(await yunkeApiRequest.call(this, pageRequest));
		onPage?.(page, pageIndex);
		for (const item of page.items) rows.push(item);
		const reachedLimit = limit !== undefined && rows.length >= limit;
		const reachedTotal = page.total !== undefined && (pageIndex + 1) * size >= page.total;
		if (reachedLimit || reachedTotal || page.items.length < size) break;
	}
	return limit === undefined ? rows : rows.slice(0, limit);
}

import type { IDataObject } from 'n8n-workflow';

import { yunkeApiRequestAllItems } from '../../nodes/Yunke/transport/pagination';
import { scriptedContext } from '../helpers/scriptedRequests';

/**
 * The paging loop against scripted answers: n8n's request helper is the only stand-in, so every
 * request the loop makes is counted and answered like a server would.
 */
function server(answer: (pageIndex: number, pageSize: number) => IDataObject) {
	const requests: IDataObject[] = [];
	const { context } = scriptedContext((options) => {
		const body = options.body as IDataObject;
		requests.push(body);
		return answer(Number(body.pageIndex), Number(body.pageSize));
	});
	return { context, requests };
}

const rows = (from: number, count: number) => Array.from({ length: count }, (_, index) => ({ n: from + index }));
const list = { method: 'POST' as const, endpoint: '/api/templatelist', body: {}, itemIndex: 2 };

describe('paging', () => {
	it('stops on an empty page even when every page so far was full and there is no total', async () => {
		const { context, requests } = server((pageIndex, pageSize) => ({ code: 0, data: pageIndex < 2 ? rows(pageIndex * pageSize, pageSize) : [] }));
		const all = await yunkeApiRequestAllItems.call(context, list, { pageSize: 3 });
		expect(all).toHaveLength(6);
		expect(requests).toHaveLength(3);
	});

	it('follows the total when the server sends shorter pages than asked for', async () => {
		// the server caps pages at 2 rows; 5 rows in all
		const { context, requests } = server((pageIndex) => ({ code: 0, data: { total: 5, list: rows(pageIndex * 2, Math.max(0, Math.min(2, 5 - pageIndex * 2))) } }));
		const all = await yunkeApiRequestAllItems.call(context, list, { pageSize: 4 });
		expect(all.map((row) => row.n)).toEqual([0, 1, 2, 3, 4]);
		expect(requests).toHaveLength(3);
	});

	it('stops at the total without asking for a page past it', async () => {
		const { context, requests } = server((pageIndex) => ({ code: 0, total: 4, data: rows(pageIndex * 2, 2) }));
		expect(await yunkeApiRequestAllItems.call(context, list, { pageSize: 2 })).toHaveLength(4);
		expect(requests).toHaveLength(2);
	});

	it('ends a list that never ends (new rows on every page) with a clear error at the page cap', async () => {
		const { context, requests } = server((pageIndex) => ({ code: 0, data: rows(pageIndex * 3, 3) }));
		await expect(yunkeApiRequestAllItems.call(context, list, { pageSize: 3, maxPages: 7 })).rejects.toThrow(
			'Yunke kept sending pages of /api/templatelist: stopped after 7 pages (21 rows)',
		);
		expect(requests).toHaveLength(7);
	});

	it('stops at a page that repeats the first (page number ignored) with a clear error, without a total', async () => {
		const { context, requests } = server(() => ({ code: 0, data: rows(0, 3) }));
		await expect(yunkeApiRequestAllItems.call(context, list, { pageSize: 3 })).rejects.toThrow(
			'Yunke answered page 2 of /api/templatelist with rows of an earlier page: only 3 of an unknown number of rows can be read [item 2]',
		);
		expect(requests).toHaveLength(2);
	});

	it('stops at a repeated page with a clear error when the total says rows are missing', async () => {
		const { context } = server(() => ({ code: 0, total: 5, datas: rows(0, 3) }));
		await expect(yunkeApiRequestAllItems.call(context, list, { pageSize: 3 })).rejects.toThrow(/only 3 of 5 rows can be read \[item 2\]$/);
	});

	it('returns a row once when a page repeats part of an earlier one (the list grew between two reads)', async () => {
		// page 1 starts with the last row of page 0: a row was added at the head in between
		const pages = [rows(0, 3), [...rows(2, 1), ...rows(3, 2)], []];
		const { context } = server((pageIndex) => ({ code: 0, total: 6, datas: pages[pageIndex] ?? [] }));
		const all = await yunkeApiRequestAllItems.call(context, list, { pageSize: 3 });
		expect(all).toEqual(rows(0, 5));
	});

	it.each([0, Number.NaN, 2.5, -1])('refuses limit %p before sending anything', async (limit) => {
		const { context, requests } = server(() => ({ code: 0, data: [] }));
		await expect(yunkeApiRequestAllItems.call(context, list, { limit })).rejects.toThrow(/^Limit: .* is not a whole number at least 1 \[item 2\]$/);
		expect(requests).toHaveLength(0);
	});
});

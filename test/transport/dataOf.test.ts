import type { IDataObject } from 'n8n-workflow';

import { dataOf } from '../../nodes/Yunke/transport';
import { execute as getCallTimes } from '../../nodes/Yunke/v1/actions/callTime/get.operation';
import { scriptedContext } from '../helpers/scriptedRequests';

describe('dataOf: the data object of a vendor answer', () => {
	it('is the answer’s data object when there is one', () => {
		expect(dataOf({ code: 0, data: { success: 2, fail: 1 } })).toEqual({ success: 2, fail: 1 });
	});

	it('is an empty object where data is missing, null, an empty PHP array or text', () => {
		for (const answer of [{ code: 0 }, { code: 0, data: null }, { code: 0, data: [] }, { code: 0, data: 'ok' }] as IDataObject[]) {
			expect(dataOf(answer)).toEqual({});
		}
	});
});

describe('an operation reading an answer whose data is an empty PHP array', () => {
	it('Call Time → Get without Simplify returns one empty record, not none', async () => {
		const { context } = scriptedContext(() => ({ code: 0, msg: 'ok', data: [] }), {
			getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => (name === 'simplify' ? false : fallback),
		});
		const result = await getCallTimes.call(context as never, 0);
		expect(result).toEqual({});
		expect(Array.isArray(result)).toBe(false);
	});
});

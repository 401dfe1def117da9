/**
 * Batch operations (all items in one call) under and without Continue On Fail: a run-wide setting fails
 * every item with one error, a bad item stops the run without it, and nothing is sent in either case.
 */
import { createParameters } from '../helpers/imports';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';

const bed = useBed();

const rows = [{ phone: '13800138000' }, { phone: '13900139000' }, { phone: '13700137000' }];

describe('a batch operation whose run-wide setting is invalid', () => {
	const message = 'Task Name: "回访 九月" may contain only Chinese or English letters, digits and parentheses [item 0]';
	const run = async (onError?: 'continueErrorOutput') => await bed.run(createParameters(bed.sandbox, { taskName: '回访 九月' }), rows, { onError });

	it('fails the node with the error of item 0 without Continue On Fail, sending nothing', async () => {
		const result = await run();
		expect(result.nodeError?.message).toBe(message);
		expect(bed.sandbox.log).toEqual([]);
	});

	it('gives every item the same error, each paired with itself, under Continue On Fail', async () => {
		const result = await run('continueErrorOutput');
		expect(result.outputs[0]).toEqual([]);
		expect(jsonOf(result.outputs[1])).toEqual([{ error: message }, { error: message }, { error: message }]);
		expect(result.outputs[1].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(bed.sandbox.log).toEqual([]);
	});
});

describe('Customer → Import without Continue On Fail', () => {
	it('stops at the first bad item with its error, before sending any row', async () => {
		const owner = bed.sandbox.data.subAccounts[0].user_sn;
		const result = await bed.run(
			{ resource: 'customer', operation: 'import', pool: 'private', source: 'json', columnMode: 'item', owner: { __rl: true, mode: 'id', value: owner } },
			[{ phone: '13800138000' }, { phone: 'unknown' }, { phone: '13900139000' }],
		);
		expect(result.nodeError?.message).toBe('phone: "unknown" is not a phone number [item 1]');
		expect(bed.sandbox.requestsTo('/api/addCustomerJson')).toEqual([]);
	});
});

import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';

const bed = useBed();

const businessCalls = () => bed.sandbox.log.filter((entry) => entry.path !== '/api/login');

describe('Limit of every list operation: a positive whole number, or nothing is sent', () => {
	it.each([
		['text from an expression', '={{ "ten" }}', '"ten"'],
		['zero', 0, '"0"'],
		['NaN from an expression', '={{ NaN }}', '"NaN"'],
		['a fraction', 2.5, '"2.5"'],
	])('%s is an error that names the item and the field', async (_case, limit, shown) => {
		const result = await bed.run({ resource: 'script', operation: 'getMany', returnAll: false, limit }, [{ n: 1 }, { n: 2 }]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('Limit');
		expect(result.error?.message).toContain('[item 0]');
		expect(result.error?.message).toContain(shown);
		expect(businessCalls()).toHaveLength(0);
	});

	it('with Continue (using error output) each item fails on its own, pairedItem kept, nothing sent', async () => {
		const result = await bed.run(
			{ resource: 'script', operation: 'getMany', returnAll: false, limit: '={{ $json.limit }}' },
			[{ limit: 'all' }, { limit: 1 }],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.status).toBe('success');
		const [errorItem] = result.outputs[1];
		expect(errorItem.pairedItem).toEqual({ item: 0 });
		expect(String((errorItem.json as { error: string }).error)).toContain('Limit');
		expect(jsonOf(result.outputs[0])).toHaveLength(1);
		expect(businessCalls()).toHaveLength(1);
	});
});

/**
 * Per-item operations send up to Batching → Requests in Parallel items at once (default 8). Output order,
 * pairing, Continue On Fail and the error of a failed run stay as one item after another; a killed key
 * seen by every request in flight costs one login; operations that must stay sequential stay so.
 */
import type { INodeParameters } from 'n8n-workflow';

import { DEFAULT_REQUESTS_IN_PARALLEL as DEFAULT } from '../../nodes/Yunke/v1/actions/parallelism';
import { mostAtOnce } from '../helpers/requestLog';
import { locator, seedTask } from '../helpers/tasks';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';

const ADD = '/api/importsExcelapi';
const DELETE = '/api/BlackListDelete';
// long enough that a loaded machine still sends the first requests of a run before any is answered
const ANSWER_DELAY_MS = 300;

const bed = useBed({ sandbox: { speed: { answerDelayMs: ANSWER_DELAY_MS, callMs: 20 } } });

const phones = (count: number, from = 0) => Array.from({ length: count }, (_, index) => `1390000${String(from + index).padStart(4, '0')}`);
const pairs = (items: Array<{ pairedItem?: unknown }> | undefined) => (items ?? []).map((item) => item.pairedItem);
const indexes = (count: number) => Array.from({ length: count }, (_, item) => ({ item }));

async function addNumbers(numbers: string[], batching: INodeParameters = {}) {
	return await bed.run(
		{ resource: 'doNotDisturb', operation: 'add', source: 'number', phone: '={{ $json.phone }}', days: 0, batching },
		numbers.map((phone) => ({ phone })),
	);
}

async function deleteNumbers(numbers: string[], onError?: 'continueErrorOutput') {
	return await bed.run(
		{ resource: 'doNotDisturb', operation: 'delete', deleteBy: 'phones', phones: '={{ $json.phone }}' },
		numbers.map((phone) => ({ phone })),
		{ onError },
	);
}

describe('per-item operations in parallel', () => {
	it('keeps input order and pairing when later items are answered first', async () => {
		const numbers = phones(DEFAULT + 4);
		await addNumbers(numbers.slice(0, 1)); // the run below starts with a stored key
		bed.sandbox.log = [];
		// the first add to arrive (item 0's) is answered 600 ms late: the items in flight with it are answered before it
		bed.sandbox.injectFault({ path: ADD, action: { type: 'delay', ms: 600 } });
		const result = await addNumbers(numbers);
		expect(result.status).toBe('success');
		expect(jsonOf(result.outputs[0]).map((json) => json.phone)).toEqual(numbers);
		expect(pairs(result.outputs[0])).toEqual(indexes(numbers.length));
		const answered = bed.sandbox.requestsTo(ADD).map((entry) => numbers.indexOf(String(entry.params.phone)));
		expect(answered).not.toEqual([...answered].sort((a, b) => a - b));
		expect(mostAtOnce(bed.sandbox.requestsTo(ADD))).toBe(DEFAULT);
	});

	it('sends as many at once as Requests in Parallel says, and at 1 one after another in input order', async () => {
		const numbers = phones(6);
		await addNumbers(numbers.slice(0, 1));
		bed.sandbox.log = [];
		await addNumbers(numbers, { requestsInParallel: 2 });
		expect(mostAtOnce(bed.sandbox.requestsTo(ADD))).toBe(2);

		bed.sandbox.log = [];
		const result = await addNumbers(numbers, { requestsInParallel: 1 });
		expect(mostAtOnce(bed.sandbox.log)).toBe(1);
		expect(bed.sandbox.requestsTo(ADD).map((entry) => entry.params.phone)).toEqual(numbers);
		expect(pairs(result.outputs[0])).toEqual(indexes(numbers.length));
	});

	it('Continue On Fail: an item that fails does not stop the others in flight, and keeps its pairing', async () => {
		const numbers = phones(6);
		await addNumbers(numbers.filter((_phone, index) => index !== 2));
		bed.sandbox.log = [];
		const result = await deleteNumbers(numbers, 'continueErrorOutput');
		expect(result.status).toBe('success');
		expect(jsonOf(result.outputs[0]).map((json) => json.phones)).toEqual(numbers.filter((_phone, index) => index !== 2).map((phone) => [phone]));
		expect(pairs(result.outputs[0])).toEqual([0, 1, 3, 4, 5].map((item) => ({ item })));
		expect(jsonOf(result.outputs[1])).toEqual([{ error: `None of ${numbers[2]} was on the do-not-disturb list [item 2]` }]);
		expect(pairs(result.outputs[1])).toEqual([{ item: 2 }]);
		expect(bed.sandbox.data.dnd).toEqual([]);
		expect(mostAtOnce(bed.sandbox.requestsTo(DELETE))).toBe(numbers.length);
	});

	it('without Continue On Fail fails with the first failed item in item order, and starts no item after it', async () => {
		const numbers = phones(DEFAULT + 6);
		await addNumbers(numbers.filter((_phone, index) => index !== 1));
		numbers[3] = 'call me'; // fails at once, before item 1's answer (not listed) comes back
		bed.sandbox.log = [];
		const result = await deleteNumbers(numbers);
		expect(result.status).toBe('error');
		expect(result.nodeError?.message).toBe(`None of ${numbers[1]} was on the do-not-disturb list [item 1]`);
		const sent = bed.sandbox.requestsTo(DELETE).map((entry) => numbers.indexOf(String(entry.params.phone_str)));
		// items 2 and 4… were in flight with item 1, started before item 3 failed; nothing later started
		expect(sent.sort((a, b) => a - b)).toEqual([0, 1, 2, ...Array.from({ length: DEFAULT - 4 }, (_, index) => index + 4)]);
	});

	it('a key killed under requests in flight costs one login, shared by all of them', async () => {
		const numbers = phones(DEFAULT + 4);
		await addNumbers(numbers.slice(0, 1));
		bed.sandbox.auth.invalidate();
		bed.sandbox.auth.logins = 0;
		bed.sandbox.log = [];
		const result = await addNumbers(numbers);
		expect(result.status).toBe('success');
		expect(pairs(result.outputs[0])).toEqual(indexes(numbers.length));
		const rejected = bed.sandbox.requestsTo(ADD).filter((entry) => (entry.answer as { code: number }).code === 20005);
		expect(rejected.length).toBeGreaterThanOrEqual(2);
		expect(bed.sandbox.auth.logins).toBe(1);
		expect(bed.storedSession().apiKey).toBe(bed.sandbox.auth.currentKey());
		expect(bed.sandbox.data.dnd.map((entry) => entry.phone).sort()).toEqual(numbers);
	});

	it('a cold credential logs in once for the first requests in flight', async () => {
		const result = await addNumbers(phones(DEFAULT + 4));
		expect(result.status).toBe('success');
		expect(bed.sandbox.auth.logins).toBe(1);
		expect(mostAtOnce(bed.sandbox.requestsTo(ADD))).toBe(DEFAULT);
	});

	it.each([['0', 0], ['2.5', 2.5]])('rejects Requests in Parallel %s before sending anything, on every item under Continue On Fail', async (_text, value) => {
		const run = async (onError?: 'continueErrorOutput') =>
			await bed.run(
				{ resource: 'doNotDisturb', operation: 'add', source: 'number', phone: '={{ $json.phone }}', days: 0, batching: { requestsInParallel: `={{ ${value} }}` } },
				phones(3).map((phone) => ({ phone })),
				{ onError },
			);
		const message = `Requests in Parallel: is ${value} [item 0]`;
		expect((await run()).nodeError?.message).toBe(message);
		const result = await run('continueErrorOutput');
		expect(jsonOf(result.outputs[1])).toEqual([{ error: message }, { error: message }, { error: message }]);
		expect(pairs(result.outputs[1])).toEqual(indexes(3));
		expect(bed.sandbox.log).toEqual([]);
	});

	it('Task → Start, which dials people, stays one request at a time whatever Batching says', async () => {
		const tasks = [0, 1, 2].map((index) => seedTask(bed.sandbox, { source: `任务${index}`, phones: phones(1, index) }));
		await addNumbers(phones(1, 50));
		bed.sandbox.log = [];
		const result = await bed.run(
			{ resource: 'task', operation: 'start', task: locator('={{ $json.task }}'), batching: { requestsInParallel: DEFAULT } },
			tasks.map((task) => ({ task: task.dial_task_main_sn })),
		);
		expect(result.status).toBe('success');
		expect(pairs(result.outputs[0])).toEqual(indexes(3));
		expect(bed.sandbox.requestsTo('/api/operateTask')).toHaveLength(3);
		expect(mostAtOnce(bed.sandbox.log)).toBe(1);
	});
});

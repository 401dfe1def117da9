import type { DndEntry } from '../../sandbox/state';
import { createParameters, people, seedTask } from '../helpers/imports';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';

const bed = useBed();

const DND_LIST = '/api/BlackListListsDataapi';

function blockNumbers(count: number, from = 0): void {
	for (let index = from; index < from + count; index++) {
		const entry: DndEntry = { id: index + 1, phone: String(13000000000 + index), name: null, unit: '', address: '', remark: '', term_value: '0', created_at: '2026-01-01 00:00:00', is_auto: '人工导入', term_time: '' };
		bed.sandbox.data.dnd.push(entry);
	}
}

describe('Paging: no row twice', () => {
	it('stops with a clear error where 8.1 answers the same page again (reading unpagedLists: samePage) and more rows exist', async () => {
		blockNumbers(5001);
		const result = await bed.run({ resource: 'doNotDisturb', operation: 'getMany', returnAll: true }, [{}], { onError: 'continueErrorOutput' });
		expect(result.outputs[0]).toEqual([]);
		expect(result.outputs[1][0].json.error).toBe(
			`Yunke answered page 2 of ${DND_LIST} with rows of an earlier page: only 5000 of 5001 rows can be read [item 0]`,
		);
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 0 });
		expect(bed.sandbox.requestsTo(DND_LIST).map((entry) => entry.params.pageIndex)).toEqual([0, 1]);
	});

	it('reads a list that fits one page whole, in one request', async () => {
		blockNumbers(30);
		const result = await bed.run({ resource: 'doNotDisturb', operation: 'getMany', returnAll: true });
		expect(new Set(jsonOf(result.outputs[0]).map((entry) => entry.phone)).size).toBe(30);
		expect(bed.sandbox.requestsTo(DND_LIST)).toHaveLength(1);
	});

	it('returns a row once when the list grew between two pages (reading unpagedLists: paged)', async () => {
		bed.sandbox.shapes.unpagedLists = 'paged';
		blockNumbers(5001);
		// the second page is answered late; meanwhile a number is blocked, which shifts the newest-first list by one
		bed.sandbox.injectFault({ path: DND_LIST, skip: 1, action: { type: 'delay', ms: 400 } });
		const running = bed.run({ resource: 'doNotDisturb', operation: 'getMany', returnAll: true });
		const watch = setInterval(() => {
			if (bed.sandbox.requestsTo(DND_LIST).length === 1 && bed.sandbox.data.dnd.length === 5001) blockNumbers(1, 9000);
		}, 5);
		const result = await running;
		clearInterval(watch);
		const phones = jsonOf(result.outputs[0]).map((entry) => entry.phone);
		expect(bed.sandbox.data.dnd).toHaveLength(5002);
		expect(phones).toHaveLength(5001);
		expect(new Set(phones).size).toBe(5001);
	});
});

describe('Extra Vendor Fields cannot override what the node owns', () => {
	it.each([
		['is_zidong', '{"is_zidong": "on"}', 'use the option Start Dialling'],
		['client_info_json', '{"client_info_json": {"data": []}}', 'the rows come from the input items or the Excel file'],
		['api_key', '{"api_key": "stolen"}', 'the credential signs every request with its own session'],
		['source', '{"source": "其他任务"}', 'set it with the node’s own field for it'],
	])('Task → Create with %s: a clear error naming the key, and nothing sent', async (key, extraFields, instead) => {
		const result = await bed.run(createParameters(bed.sandbox, { extraFields }), people(2), { onError: 'continueErrorOutput' });
		// the import's settings are read once, for the whole run: every item gets the error
		const message = `Extra Vendor Fields (JSON): "${key}" is set by the node and cannot be overridden [item 0]`;
		expect(result.outputs[1].map((item) => [item.json.error, item.pairedItem])).toEqual([
			[message, { item: 0 }],
			[message, { item: 1 }],
		]);
		expect(String((result.outputs[1][0].error as { description?: string }).description)).toBe(`Remove "${key}" from Extra Vendor Fields: ${instead}`);
		expect(bed.sandbox.log).toEqual([]);
	});

	it('Task → Cancel Calls with dial_task_main_sn or callee: an error for that item only, nothing of it sent', async () => {
		const task = seedTask(bed.sandbox, ['13800138000']);
		const common = { resource: 'task', operation: 'cancelCalls', task: { __rl: true, mode: 'id', value: task.dial_task_main_sn }, cancelBy: 'numbers', phoneNumbers: '13800138000' };
		const result = await bed.run({ ...common, extraFields: '={{ $json.extra }}' }, [{ extra: '{"dial_task_main_sn": "dial_task_main_sn|other"}' }, { extra: '{"callee": "13900139000"}' }, { extra: '{"filed": "data13"}' }], {
			onError: 'continueErrorOutput',
		});
		expect(result.outputs[1].map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Extra Vendor Fields (JSON): "dial_task_main_sn" is set by the node and cannot be overridden [item 0]', { item: 0 }],
			['Extra Vendor Fields (JSON): "callee" is set by the node and cannot be overridden [item 1]', { item: 1 }],
		]);
		const sent = bed.sandbox.requestsTo('/api/cancelCallCallee');
		expect(sent.map((entry) => [entry.params.dial_task_main_sn, entry.params.callee, entry.params.filed])).toEqual([[task.dial_task_main_sn, '13800138000', 'data13']]);
	});

	it('Call Record → Get Many with a date as an extra filter: an error that names the key, nothing sent', async () => {
		const result = await bed.run({ resource: 'callRecord', operation: 'getMany', returnAll: true, extraFields: '{"start_create_at": "2024-01-01"}' }, [{}], {
			onError: 'continueErrorOutput',
		});
		expect(result.outputs[1][0].json.error).toBe('Extra Vendor Fields (JSON): "start_create_at" is set by the node and cannot be overridden [item 0]');
		expect(bed.sandbox.requestsTo('/api/crmList')).toEqual([]);
	});
});

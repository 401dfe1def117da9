import { formatChinaTime } from '../../nodes/Yunke/shared/chinaTime';
import { locator, seedTask, waitFor } from '../helpers/tasks';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';
import { expectRefusedBeforeSending } from '../helpers/refused';
import { expectSigned } from '../helpers/signature';

const bed = useBed({ sandbox: { speed: { callMs: 20 } } });

describe('Task → Get Many', () => {
	function seedThree() {
		return [
			seedTask(bed.sandbox, { source: '九月回访', createdAt: '2024-09-10 10:00:00', phones: ['13800000010'] }),
			seedTask(bed.sandbox, { source: '十月回访', createdAt: '2024-10-05 09:30:00', status: 6, subAccount: 1 }),
			seedTask(bed.sandbox, { source: '十月催缴', createdAt: '2024-10-20 18:00:00', status: 4, script: 1 }),
		];
	}

	it('lists every task over all dates when no range is set, simplified, newest first', async () => {
		const [september] = seedThree();
		const result = await bed.run({ resource: 'task', operation: 'getMany', returnAll: true });
		expect(result.status).toBe('success');
		const tasks = jsonOf(result.outputs[0]);
		expect(tasks.map((task) => task.source)).toEqual(['十月催缴', '十月回访', '九月回访']);
		expect(tasks[2]).toEqual({
			dial_task_main_id: september.dial_task_main_id,
			dial_task_main_sn: september.dial_task_main_sn,
			source: '九月回访',
			status: '暂停发送',
			statusName: 'paused',
			project_caption: '房产客户回访-女声',
			user_name: 'agent01',
			created_at: '2024-09-10 10:00:00',
			total_count: 1,
			send_count: 0,
			unsend_count: 1,
			percent: '0%',
		});
		expect(result.outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		// the whole range first (the strict tenant refuses 2018 → today as wider than 90 days), then 90-day windows, newest first
		const [request, ...windows] = bed.sandbox.requestsTo('/api/index');
		expect(request.paramOrder).toEqual(['user_sn', 'api_key', 'start_create_at', 'end_create_at', 'pageIndex', 'pageSize', 'url']);
		expect(request.params).toMatchObject({ start_create_at: '2018-01-01 00:00:00', end_create_at: `${formatChinaTime(new Date()).slice(0, 10)} 23:59:59`, pageSize: 5000 });
		expect((request.answer as { code: number }).code).toBe(20002);
		expect(windows[0].params.end_create_at).toBe(request.params.end_create_at);
		expect(windows[windows.length - 1].params.start_create_at).toBe('2018-01-01 00:00:00');
		expectSigned(request, ...windows);
	});

	it('filters by creation range (ISO dates become China time), status and sub-account', async () => {
		const [, october] = seedThree();
		const result = await bed.run({
			resource: 'task',
			operation: 'getMany',
			returnAll: true,
			simplify: false,
			filters: {
				createdAfter: '2024-10-01T00:00:00+08:00',
				createdBefore: '2024-10-31T15:59:59Z',
				status: 6,
				subAccount: locator(bed.sandbox.data.subAccounts[1].user_sn),
			},
		});
		const tasks = jsonOf(result.outputs[0]);
		expect(tasks.map((task) => task.dial_task_main_sn)).toEqual([october.dial_task_main_sn]);
		expect(Object.keys(tasks[0]).length).toBeGreaterThan(20);
		expect(bed.sandbox.requestsTo('/api/index')[0].params).toMatchObject({
			start_create_at: '2024-10-01 00:00:00',
			end_create_at: '2024-10-31 23:59:59',
			status: 6,
			ai_user_sn: bed.sandbox.data.subAccounts[1].user_sn,
		});
	});

	it('pages with the limit as page size', async () => {
		seedThree();
		const result = await bed.run({ resource: 'task', operation: 'getMany', returnAll: false, limit: 2 });
		expect(jsonOf(result.outputs[0]).map((task) => task.source)).toEqual(['十月催缴', '十月回访']);
		// one page of 2 per window, newest window first, until the window holding October 2024
		const pages = bed.sandbox.requestsTo('/api/index');
		expect(pages.every((entry) => entry.params.pageIndex === 0 && entry.params.pageSize === 2)).toBe(true);
		expect(String(pages[pages.length - 1].params.start_create_at) <= '2024-10-05 09:30:00').toBe(true);
		expect(pages.every((entry) => String(entry.params.end_create_at) >= '2024-10-05 09:30:00')).toBe(true);
	});

	it('rejects a reversed date range before sending', async () => {
		const result = await bed.run(
			{ resource: 'task', operation: 'getMany', returnAll: true, filters: { createdAfter: '2024-10-02 00:00:00', createdBefore: '2024-10-01 00:00:00' } },
			[{}],
			{ onError: 'continueErrorOutput' },
		);
		expectRefusedBeforeSending(bed, result, 'Created Before: 2024-10-01 00:00:00 is before Created After 2024-10-02 00:00:00 [item 0]');
	});
});

describe('Task → Get Details, Stop Detail Rows, Get Stopped Details', () => {
	it('lists the numbers of a task given by sn (resolved to its ID) with their call state', async () => {
		const task = seedTask(bed.sandbox, { status: 0, phones: ['13800000010', '13800000026'] });
		await waitFor(() => task.status === 1, 'the calls');
		const result = await bed.run({ resource: 'task', operation: 'getDetails', task: locator(task.dial_task_main_sn), returnAll: true });
		// the task list over every date (refused as too wide by the strict tenant), then its newest window, which holds the task
		expect(bed.sandbox.log.map((entry) => entry.path)).toEqual(['/api/login', '/api/index', '/api/index', '/api/getDetailsList']);
		const [request] = bed.sandbox.requestsTo('/api/getDetailsList');
		expect(request.params).toMatchObject({ dial_task_main_id: String(task.dial_task_main_id), pageIndex: 0, pageSize: 5000 });
		expectSigned(request);
		const rows = jsonOf(result.outputs[0]);
		expect(rows).toHaveLength(2);
		expect(rows[0]).toMatchObject({ sn: task.rows[0].sn, detail_type: 1, phone: '13800000010', call_status: '已呼叫', call_count: 1, hangup_reason: '已接通', status: 'A' });
		expect(rows[1]).toMatchObject({ phone: '13800000026', hangup_reason: '无人应答', status: '' });
		expect(result.outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('stops rows that were not dialled yet and lists them as stopped', async () => {
		const task = seedTask(bed.sandbox, { phones: ['13800000010', '13800000021', '13800000032'] });
		const stop = await bed.run({
			resource: 'task',
			operation: 'stopDetailRows',
			task: locator(task.dial_task_main_sn),
			rowSns: `${task.rows[0].sn}, ${task.rows[2].sn}`,
		});
		expect(jsonOf(stop.outputs[0])).toEqual([
			{ dial_task_main_sn: task.dial_task_main_sn, requested: 2, stopped: 2, message: '处理完成,请求处理条数2, 成功暂停处理条数2' },
		]);
		const [request] = bed.sandbox.requestsTo('/api/taskDetailStop');
		expect(request.params).toMatchObject({ dial_task_main_sn: task.dial_task_main_sn, sn: `${task.rows[0].sn},${task.rows[2].sn}` });
		expectSigned(request);
		expect(task.rows.map((row) => row.state)).toEqual(['stopped', 'waiting', 'stopped']);

		const list = await bed.run({ resource: 'task', operation: 'getStoppedDetails', task: locator(String(task.dial_task_main_id), 'id'), returnAll: true, filters: { phone: '13800000032' } });
		expect(jsonOf(list.outputs[0])).toEqual([
			expect.objectContaining({ dial_task_main_sn: task.dial_task_main_sn, sn: task.rows[2].sn, phone: '13800000032', stop_at: expect.stringMatching(/^\d{4}-/) }),
		]);
		expect(bed.sandbox.requestsTo('/api/detailTaskStopList')[0].params).toMatchObject({ phone: '13800000032', dial_task_main_sn: task.dial_task_main_sn });
	});

	it('reports rows that cannot be stopped any more, and refuses an empty row list locally', async () => {
		const task = seedTask(bed.sandbox, { phones: ['13800000010'] });
		task.rows[0].state = 'dialled';
		const result = await bed.run(
			{ resource: 'task', operation: 'stopDetailRows', task: locator(task.dial_task_main_sn), rowSns: '={{ $json.rows }}' },
			[{ rows: task.rows[0].sn }, { rows: ' , ' }],
			{ onError: 'continueErrorOutput' },
		);
		expect(jsonOf(result.outputs[0])).toEqual([expect.objectContaining({ requested: 1, stopped: 0 })]);
		expect(result.outputs[1].map((item) => [item.json.error, item.pairedItem])).toEqual([['Row Sns: is empty [item 1]', { item: 1 }]]);
		expect(bed.sandbox.requestsTo('/api/taskDetailStop')).toHaveLength(1);
	});
});

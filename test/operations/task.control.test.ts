import { locator, seedTask, waitFor } from '../helpers/tasks';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';
import { expectRefusedBeforeSending } from '../helpers/refused';
import { expectSigned, expectSignedForm } from '../helpers/signature';

const bed = useBed({ sandbox: { speed: { callMs: 20 } } });

const pairs = (items: Array<{ pairedItem?: unknown }>) => items.map((item) => item.pairedItem);

describe('Task → Start / Resume, Pause, Terminate, Delete', () => {
	it('starts a paused task given by sn: the sn is resolved to the numeric id (5.2 pkeys), signed keepOn, confirmed from 5.1', async () => {
		const task = seedTask(bed.sandbox, { phones: ['13800000010', '13800000026'] });
		const result = await bed.run({ resource: 'task', operation: 'start', task: locator(task.dial_task_main_sn) });
		expect(result.status).toBe('success');
		expect(jsonOf(result.outputs[0])).toEqual([
			{ dial_task_main_sn: task.dial_task_main_sn, operation: 'start', success: true, status: expect.stringMatching(/^(sending|sent)$/), message: '操作成功' },
		]);
		expect(pairs(result.outputs[0])).toEqual([{ item: 0 }]);
		// each read of 5.1: the whole creation range, refused by the strict tenant (maxDateRangeDays), then the newest 90-day window
		expect(bed.sandbox.log.map((entry) => entry.path)).toEqual(['/api/login', '/api/index', '/api/index', '/api/operateTask', '/api/index', '/api/index']);
		const [request] = bed.sandbox.requestsTo('/api/operateTask');
		expect(request.paramOrder).toEqual(['user_sn', 'api_key', 'pkeys', 'project_type', 'oper', 'url']);
		expect(request.params).toMatchObject({ pkeys: String(task.dial_task_main_id), project_type: 2, oper: 'keepOn' });
		expectSigned(request);
		await waitFor(() => task.status === 1, 'the task to be dialled through');
		expect(bed.sandbox.data.records.map((record) => record.phone).sort()).toEqual(['13800000010', '13800000026']);
	});

	it('pauses a running task given by ID and terminates another, one request per item with its own pairedItem', async () => {
		// 600 numbers, 3 at a time, 20 ms each: still dialling when the pause arrives after a cold login
		const running = seedTask(bed.sandbox, { status: 0, phones: Array.from({ length: 600 }, (_, i) => `1380000${String(i).padStart(4, '0')}`) });
		const other = seedTask(bed.sandbox, { status: 4, phones: ['13800000011'] });
		const pause = await bed.run({ resource: 'task', operation: 'pause', task: locator(String(running.dial_task_main_id), 'id') });
		expect(jsonOf(pause.outputs[0])).toEqual([{ dial_task_main_id: running.dial_task_main_id, operation: 'pause', success: true, status: 'paused', message: '操作成功' }]);
		expect(bed.sandbox.requestsTo('/api/operateTask')[0].params).toMatchObject({ pkeys: String(running.dial_task_main_id), oper: 'stop' });
		expect(running.status).toBe(4);

		const terminate = await bed.run(
			{ resource: 'task', operation: 'terminate', task: { __rl: true, mode: 'id', value: '={{ $json.task }}' } },
			[{ task: running.dial_task_main_sn }, { task: other.dial_task_main_sn }],
		);
		expect(jsonOf(terminate.outputs[0]).map((item) => [item.dial_task_main_sn, item.operation, item.status])).toEqual([
			[running.dial_task_main_sn, 'terminate', 'terminated'],
			[other.dial_task_main_sn, 'terminate', 'terminated'],
		]);
		expect(pairs(terminate.outputs[0])).toEqual([{ item: 0 }, { item: 1 }]);
		expect(bed.sandbox.requestsTo('/api/operateTask').slice(1).map((entry) => [entry.params.oper, entry.params.pkeys])).toEqual([
			['end', String(running.dial_task_main_id)],
			['end', String(other.dial_task_main_id)],
		]);
		expect([running.status, other.status]).toEqual([6, 6]);
		expect(running.stoped_at).not.toBe('');
	});

	it('deletes a task and says so', async () => {
		const task = seedTask(bed.sandbox);
		const result = await bed.run({ resource: 'task', operation: 'delete', task: locator(task.dial_task_main_sn) });
		expect(jsonOf(result.outputs[0])).toEqual([{ deleted: true, dial_task_main_sn: task.dial_task_main_sn, message: '操作成功' }]);
		expect(bed.sandbox.requestsTo('/api/operateTask')[0].params).toMatchObject({ oper: 'delete', pkeys: String(task.dial_task_main_id) });
		expect(task.deleted).toBe(true);
	});

	it('routes an unknown task to the error output with pairedItem and the English message', async () => {
		const task = seedTask(bed.sandbox);
		const result = await bed.run(
			{ resource: 'task', operation: 'pause', task: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			[{ id: '999999' }, { id: String(task.dial_task_main_id) }],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.status).toBe('success');
		expect(pairs(result.outputs[0])).toEqual([{ item: 1 }]);
		expect(result.outputs[1]).toHaveLength(1);
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 0 });
		expect(result.outputs[1][0].json.error).toBe('The task does not exist (Yunke code 30011)');
	});

	it('rejects a malformed task reference before sending anything', async () => {
		const result = await bed.run({ resource: 'task', operation: 'start', task: locator('not a task', 'id') });
		expect(result.status).toBe('error');
		expect(result.nodeError?.message).toBe('Task: "not a task" is neither a task ID nor a task sn [item 0]');
		expect(bed.sandbox.log).toEqual([]);
	});

	it('fails the execution without continue-on-fail; an sn no task has is found out from 5.1 before anything is sent', async () => {
		const result = await bed.run({ resource: 'task', operation: 'terminate', task: locator('dial_task_main_sn|00000000000000000000000000000000', 'id') });
		expect(result.status).toBe('error');
		expect(result.nodeError?.message).toBe('Task: no task with sn dial_task_main_sn|00000000000000000000000000000000 exists (it may have been deleted) [item 0]');
		expect(bed.sandbox.requestsTo('/api/operateTask')).toEqual([]);
	});
});

describe('Task → Redial Failed', () => {
	const PHONES = ['13800000010', '13800000026', '13800000037', '13800000048', '13800000059'];

	async function dialledTask() {
		const task = seedTask(bed.sandbox, { status: 0, phones: PHONES, source: '回访' });
		await waitFor(() => task.status === 1, 'the first round of calls');
		return task;
	}

	it('queues the numbers that failed for the chosen reasons again in the same task (task given by ID)', async () => {
		const task = await dialledTask();
		const result = await bed.run({
			resource: 'task',
			operation: 'redialFailed',
			task: locator(String(task.dial_task_main_id), 'id'),
			redialMode: 'originalTask',
			reasons: ['无人应答', '关机'],
			totalAttempts: 2,
			intervalMinutes: 5,
		});
		expect(result.status).toBe('success');
		expect(jsonOf(result.outputs[0])).toEqual([
			{
				dial_task_main_sn: task.dial_task_main_sn,
				redial: 'originalTask',
				redialTaskSn: task.dial_task_main_sn,
				redialTaskId: task.dial_task_main_id,
				queuedNumbers: 2,
				message: '操作成功',
			},
		]);
		// the ID was turned into the sn through the task list first (all dates, refused as too wide by the strict tenant, then its newest window)
		expect(bed.sandbox.log.map((entry) => entry.path)).toEqual(['/api/login', '/api/index', '/api/index', '/api/failRecall']);
		const [request] = bed.sandbox.requestsTo('/api/failRecall');
		expectSignedForm(request, ['dial_task_main_sn', 'recall_manual', 'fail_recall_of_reason', 'total_fail_recall_times', 'fail_recall_interval', 'task_name']);
		expect(request.params).toMatchObject({ recall_manual: 1, fail_recall_of_reason: '无人应答,关机', total_fail_recall_times: 2, fail_recall_interval: 5, task_name: '' });
		await waitFor(() => task.status === 1 && task.rows.every((row) => row.state === 'dialled'), 'the redials');
		const attempts = Object.fromEntries(task.rows.map((row) => [row.phone, row.attempts]));
		expect(attempts).toEqual({ '13800000010': 1, '13800000026': 2, '13800000037': 2, '13800000048': 1, '13800000059': 1 });
	});

	it('copies the failed numbers into a new task with the default reasons (vacant numbers excluded)', async () => {
		const task = await dialledTask();
		const result = await bed.run({ resource: 'task', operation: 'redialFailed', task: locator(task.dial_task_main_sn), redialMode: 'newTask', taskName: '回访重呼(二)' });
		const [output] = jsonOf(result.outputs[0]);
		const created = bed.sandbox.data.tasks.find((entry) => entry.source === '回访重呼(二)');
		expect(created).toBeDefined();
		expect(output).toMatchObject({ redial: 'newTask', redialTaskSn: created?.dial_task_main_sn, redialTaskId: created?.dial_task_main_id, queuedNumbers: 3 });
		expect(created?.rows.map((row) => row.phone)).toEqual(['13800000026', '13800000037', '13800000048']);
		expect(bed.sandbox.requestsTo('/api/failRecall')[0].params).toMatchObject({ recall_manual: 0, task_name: '回访重呼(二)' });
		expect(String(bed.sandbox.requestsTo('/api/failRecall')[0].params.fail_recall_of_reason).split(',')).not.toContain('空号');
	});

	it('uses operateTask failRe when the task settings apply', async () => {
		const task = await dialledTask();
		const result = await bed.run({ resource: 'task', operation: 'redialFailed', task: locator(task.dial_task_main_sn), redialMode: 'taskSettings' });
		expect(jsonOf(result.outputs[0])).toEqual([{ dial_task_main_sn: task.dial_task_main_sn, redial: 'taskSettings', success: true, message: '操作成功' }]);
		expect(bed.sandbox.requestsTo('/api/operateTask')[0].params).toMatchObject({ oper: 'failRe', pkeys: String(task.dial_task_main_id) });
		await waitFor(() => task.status === 1 && task.rows.every((row) => row.state === 'dialled'), 'the redials');
		expect(task.rows.filter((row) => row.attempts === 2).map((row) => row.phone)).toEqual(['13800000026', '13800000037', '13800000048', '13800000059']);
	});

	it('rejects a task name Yunke would refuse, and an empty reason list, without sending', async () => {
		const task = seedTask(bed.sandbox);
		const result = await bed.run(
			{ resource: 'task', operation: 'redialFailed', task: locator(task.dial_task_main_sn), redialMode: '={{ $json.mode }}', taskName: 'redial now!', reasons: '={{ $json.reasons }}' },
			[{ mode: 'newTask', reasons: ['无人应答'] }, { mode: 'originalTask', reasons: [] }],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[1].map((item) => [item.json.error, item.pairedItem])).toEqual([
			['New Task Name: "redial now!" contains characters Yunke does not allow [item 0]', { item: 0 }],
			['Hang-Up Reasons: none selected [item 1]', { item: 1 }],
		]);
		expect(bed.sandbox.log).toEqual([]);
	});
});

describe('Task → Cancel Calls', () => {
	it('cancels waiting rows by sn and detail type (sent as arrays)', async () => {
		const task = seedTask(bed.sandbox, { phones: ['13800000010', '13800000021', '13800000032'] });
		const [first, second] = task.rows;
		const result = await bed.run({
			resource: 'task',
			operation: 'cancelCalls',
			task: locator(task.dial_task_main_sn),
			cancelBy: 'rows',
			rows: { row: [{ sn: first.sn, detailType: 1 }, { sn: second.sn, detailType: 1 }, { sn: 'dial_task_detail|missing', detailType: 1 }] },
		});
		expect(jsonOf(result.outputs[0])).toEqual([
			{ dial_task_main_sn: task.dial_task_main_sn, requested: 3, cancelled: 2, notCancelled: 1, message: '操作完成' },
		]);
		const [request] = bed.sandbox.requestsTo('/api/cancelCall');
		expect(request.params).toMatchObject({ sn: [first.sn, second.sn, 'dial_task_detail|missing'], detail_type: [1, 1, 1] });
		expectSigned(request);
		expect(task.rows.map((row) => row.state)).toEqual(['cancelled', 'cancelled', 'waiting']);
	});

	it('cancels by phone number with the api key repeated as apikey', async () => {
		const task = seedTask(bed.sandbox, { phones: ['13800000010', '13800000021', '13800000032'] });
		const result = await bed.run({
			resource: 'task',
			operation: 'cancelCalls',
			task: locator(task.dial_task_main_sn),
			cancelBy: 'numbers',
			phoneNumbers: '138-0000-0010, 13800000032，13900000000',
		});
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ requested: 3, cancelled: 2, notCancelled: 1 });
		const [request] = bed.sandbox.requestsTo('/api/cancelCallCallee');
		expect(request.paramOrder).toEqual(['user_sn', 'api_key', 'dial_task_main_sn', 'callee', 'apikey', 'url']);
		expect(request.params.callee).toBe('13800000010,13800000032,13900000000');
		expect(request.params.apikey).toBe(request.params.api_key);
		expectSigned(request);
		expect(task.rows.map((row) => row.state)).toEqual(['cancelled', 'waiting', 'cancelled']);
	});

	it('names the item and field of a bad number and sends nothing', async () => {
		const task = seedTask(bed.sandbox, { phones: ['13800000010'] });
		const result = await bed.run(
			{ resource: 'task', operation: 'cancelCalls', task: locator(task.dial_task_main_sn), cancelBy: 'numbers', phoneNumbers: '13800000010, call me' },
			[{}],
			{ onError: 'continueErrorOutput' },
		);
		expectRefusedBeforeSending(bed, result, 'Phone Numbers: "call me" is not a phone number [item 0]');
		expect(task.rows[0].state).toBe('waiting');
	});
});

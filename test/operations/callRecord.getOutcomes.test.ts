import { generateRecords } from '../../sandbox/bulkRecords';
import { buildCallRecord } from '../../sandbox/callRecords';
import type { CallRecord, Task } from '../../sandbox/state';
import { locator, seedTask } from '../helpers/tasks';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';

/**
 * Call Record → Get Outcomes against the sandbox's strict readings of 6.1: no dates means today's
 * records only (emptyDates: today), a range wider than 90 days is refused (maxDateRangeDays: 90),
 * pages are 0-based and `total` says when the list ends.
 */
const bed = useBed();

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
const outcomes = (parameters: Record<string, unknown> = {}) => ({
	resource: 'callRecord',
	operation: 'getOutcomes',
	phone: '={{ $json.phone }}',
	task: '={{ $json.task }}',
	...parameters,
});

/** One call of `phone` in `task`, `days` days ago; its outcome follows the number's last digit (sandbox/callOutcome.ts) unless patched. */
function call(task: Task, phone: string, days: number, patch: Partial<CallRecord> = {}): CallRecord {
	const record = { ...buildCallRecord(bed.sandbox.data, bed.sandbox.clock, task, { phone, name: '客户' }, daysAgo(days)), ...patch };
	bed.sandbox.data.records.push(record);
	return record;
}

const businessRequests = () => bed.sandbox.log.filter((entry) => entry.path !== '/api/login');

describe('Call Record → Get Outcomes', () => {
	it('gives each lead the latest call of its number, written in any form, with the number of calls, from calls made days and months ago', async () => {
		const task = seedTask(bed.sandbox, { source: '回访', phones: ['13800138000', '13800138001', '13800138002', '13800138003', '13800138004'] });
		task.created_at = bed.sandbox.clock.chinaText(daysAgo(120));
		// three calls of one number: the newest decides, whatever order the list holds them in
		call(task, '13800138000', 30, { talktimes: 0, connected_at: '', hangup_reason: '关机', status: '' });
		const latest = call(task, '13800138000', 2);
		call(task, '13800138000', 100, { talktimes: 0, connected_at: '', hangup_reason: '无人应答', status: '' });
		call(task, '13800138001', 3);
		// stored by Yunke in another form than the node sends: still the same person
		call(task, '+86 138 0013 8002', 5);
		call(task, '13800138003', 50);
		call(task, '13800138004', 1, { talktimes: 0, connected_at: '', hangup_reason: '用户正忙', status: '' });

		const result = await bed.run(outcomes(), [
			{ phone: '+86 138 0013 8000', task: task.dial_task_main_sn },
			{ phone: '0086 13800138001', task: task.dial_task_main_sn },
			{ phone: '138-0013-8002', task: task.dial_task_main_sn },
			{ phone: '138 0013 8003', task: String(task.dial_task_main_id) },
			{ phone: '8613800138004', task: task.dial_task_main_sn },
		]);

		expect(result.status).toBe('success');
		const items = jsonOf(result.outputs[0]);
		expect(items[0]).toEqual({
			phone: '13800138000',
			status: 'answered',
			attempts: 3,
			answered: true,
			intentLevel: 'A',
			talkSeconds: latest.talktimes,
			hangupReason: 'Connected',
			calledAt: latest.created_at,
			recordPath: '/mnt/record',
			recordFile: latest.recordfile,
			callSn: latest.sn,
			taskId: String(task.dial_task_main_id),
			taskSn: task.dial_task_main_sn,
			taskName: '回访',
		});
		expect(latest.recordfile).toMatch(/^\/mnt\/record\/.+\.wav$/);
		expect(items.map((item) => [item.phone, item.status, item.attempts, item.intentLevel, item.hangupReason])).toEqual([
			['13800138000', 'answered', 3, 'A', 'Connected'],
			['13800138001', 'answered', 1, 'B', 'Connected'],
			['13800138002', 'answered', 1, 'C', 'Connected'],
			['13800138003', 'answered', 1, 'D', 'Connected'],
			['13800138004', 'not answered', 1, '', 'Busy'],
		]);
		expect(result.outputs[0].map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));

		// 6.1 over an explicit range from the day before the task was created: refused as wider than 90 days, then read in windows
		const reads = bed.sandbox.requestsTo('/api/crmList');
		expect(reads.every((read) => read.params.dial_task_main_sn === task.dial_task_main_sn && read.params.start_create_at && read.params.end_create_at)).toBe(true);
		expect(reads[0].params.start_create_at).toBe(`${bed.sandbox.clock.chinaText(daysAgo(121)).slice(0, 10)} 00:00:00`);
		expect(reads.length).toBeGreaterThan(1);
		// every number was called: the task's number list (5.4) is not needed
		expect(bed.sandbox.requestsTo('/api/getDetailsList')).toHaveLength(0);
	});

	it('tells a number of the task not called yet from a number not in the task', async () => {
		const task = seedTask(bed.sandbox, { phones: ['13800138010', '13800138011'] });
		call(task, '13800138010', 1);
		const result = await bed.run(outcomes(), [
			{ phone: '13800138010', task: task.dial_task_main_sn },
			{ phone: '138 0013 8011', task: task.dial_task_main_sn },
			{ phone: '13912345678', task: task.dial_task_main_sn },
		]);
		const items = jsonOf(result.outputs[0]);
		expect(items.map((item) => [item.phone, item.status, item.attempts])).toEqual([
			['13800138010', 'answered', 1],
			['13800138011', 'not called yet', 0],
			['13912345678', 'not in this task', 0],
		]);
		expect(items[1]).toMatchObject({ answered: false, intentLevel: '', talkSeconds: 0, hangupReason: '', calledAt: '', recordFile: '', callSn: '' });
		expect(bed.sandbox.requestsTo('/api/getDetailsList').map((read) => read.params.dial_task_main_id)).toEqual([String(task.dial_task_main_id)]);
	});

	it('answers 10,000 leads of one task from a few list pages, not one request per lead', async () => {
		const phones = Array.from({ length: 10_000 }, (_, index) => `139${String(index).padStart(8, '0')}`);
		const task = seedTask(bed.sandbox, { phones });
		task.created_at = bed.sandbox.clock.chinaText(daysAgo(5));
		// 6,000 calls over the last 3 days: more than one 6.1 page of 5,000
		generateRecords(bed.sandbox, 6000, task.dial_task_main_sn, 3);
		const result = await bed.run(
			outcomes({ task: locator(task.dial_task_main_sn, 'id') }),
			phones.map((phone) => ({ phone: `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` })),
		);

		const items = jsonOf(result.outputs[0]);
		expect(items).toHaveLength(10_000);
		expect(items.filter((item) => item.attempts === 1)).toHaveLength(6000);
		expect(items.filter((item) => item.status === 'not called yet')).toHaveLength(4000);
		expect(items[5999]).toMatchObject({ phone: '13900005999', status: 'not answered', hangupReason: 'Vacant Number' });
		expect(result.outputs[0][9999].pairedItem).toEqual({ item: 9999 });
		expect(bed.sandbox.requestsTo('/api/crmList').map((read) => read.params.pageIndex)).toEqual([0, 1]);
		expect(bed.sandbox.requestsTo('/api/getDetailsList').map((read) => read.params.pageIndex)).toEqual([0, 1]);
		// the task found in the task list (5.1): the whole range refused, then the newest 90-day window
		expect(bed.sandbox.requestsTo('/api/index')).toHaveLength(2);
		expect(businessRequests()).toHaveLength(6);
	});

	it('reads each task named by the items once', async () => {
		const first = seedTask(bed.sandbox, { source: '甲', phones: ['13800138020'] });
		const second = seedTask(bed.sandbox, { source: '乙', phones: ['13800138021'] });
		call(first, '13800138020', 1);
		call(second, '13800138021', 1);
		const result = await bed.run(outcomes(), [
			{ phone: '13800138020', task: first.dial_task_main_sn },
			{ phone: '13800138021', task: second.dial_task_main_sn },
			{ phone: '13800138021', task: first.dial_task_main_sn },
			{ phone: '13800138020', task: second.dial_task_main_sn },
		]);
		expect(jsonOf(result.outputs[0]).map((item) => [item.taskName, item.status])).toEqual([
			['甲', 'answered'],
			['乙', 'answered'],
			['甲', 'not in this task'],
			['乙', 'not in this task'],
		]);
		expect(bed.sandbox.requestsTo('/api/crmList').map((read) => read.params.dial_task_main_sn)).toEqual([first.dial_task_main_sn, second.dial_task_main_sn]);
	});

	it('takes the task from the picker too', async () => {
		const task = seedTask(bed.sandbox, { phones: ['13800138036'] });
		call(task, '13800138036', 1);
		const result = await bed.run(outcomes({ task: locator(String(task.dial_task_main_id), 'id') }), [{ phone: '13800138036' }]);
		expect(jsonOf(result.outputs[0])).toEqual([expect.objectContaining({ phone: '13800138036', status: 'not answered', hangupReason: 'No Answer', taskSn: task.dial_task_main_sn })]);
	});

	it('fails on bad input before sending anything, naming the item and the field', async () => {
		const task = seedTask(bed.sandbox, { phones: ['13800138040'] });
		const result = await bed.run(outcomes(), [
			{ phone: '13800138040', task: task.dial_task_main_sn },
			{ phone: 'call me', task: task.dial_task_main_sn },
		]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Phone: "call me" is not a phone number [item 1]');
		expect(businessRequests()).toHaveLength(0);
	});

	it('with Continue On Fail, pairs an error item with each bad lead and answers the others', async () => {
		const task = seedTask(bed.sandbox, { phones: ['13800138050'] });
		call(task, '13800138050', 1);
		const result = await bed.run(
			outcomes(),
			[
				{ phone: '', task: task.dial_task_main_sn },
				{ phone: '13800138050', task: task.dial_task_main_sn },
				{ phone: '12', task: task.dial_task_main_sn },
				{ phone: '13800138050', task: '' },
				{ phone: '13800138050', task: 'dial_task_main_sn|00000000000000000000000000000000' },
				{ phone: '13800138050', task: 'dial_task_main_sn|00000000000000000000000000000000' },
			],
			{ onError: 'continueErrorOutput' },
		);
		expect(jsonOf(result.outputs[0])).toEqual([expect.objectContaining({ phone: '13800138050', status: 'answered', attempts: 1 })]);
		expect(result.outputs[0][0].pairedItem).toEqual({ item: 1 });
		const errors = result.outputs[1];
		expect(errors.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 0 }, 'Phone: is empty [item 0]'],
			[{ item: 2 }, 'Phone: "12" is not a phone number [item 2]'],
			[{ item: 3 }, 'Task: is empty [item 3]'],
			[{ item: 4 }, 'Task: no task with sn dial_task_main_sn|00000000000000000000000000000000 exists (it may have been deleted) [item 4]'],
			[{ item: 5 }, 'Task: no task with sn dial_task_main_sn|00000000000000000000000000000000 exists (it may have been deleted) [item 5]'],
		]);
	});
});

import { formatChinaTime } from '../../nodes/Yunke/shared/chinaTime';
import { generateRecords } from '../../sandbox/bulkRecords';
import { importIntoParameters, people } from '../helpers/imports';
import { locator, seedTask } from '../helpers/tasks';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';
import type { NodeRunResult } from '../harness/engine';

/**
 * 5.1 and 6.1 answer today's rows when the dates are empty (reading emptyDates: today) and refuse a
 * range wider than 90 days (reading maxDateRangeDays: 90). Get Many without dates must still mean
 * every row the other filters match.
 */
const bed = useBed();

const endOfToday = () => `${formatChinaTime(new Date()).slice(0, 10)} 23:59:59`;
/** 90-day windows from 2018-01-01 00:00:00 to the end of today, China time */
const windowCount = () => Math.ceil((Date.parse(`${endOfToday().replace(' ', 'T')}+08:00`) + 1000 - Date.parse('2018-01-01T00:00:00+08:00')) / (90 * 86_400_000));
const hintsOf = (result: NodeRunResult) => (result.runData[result.nodeName]?.[0]?.hints ?? []).map((hint) => hint.message);

describe('Call Record → Get Many without dates', () => {
	it('returns the calls of every day with Return All, and says which range it read', async () => {
		generateRecords(bed.sandbox, 90, undefined, 9);
		const today = formatChinaTime(new Date()).slice(0, 10);
		expect(bed.sandbox.data.records.filter((record) => String(record.created_at).startsWith(today)).length).toBeLessThan(90);
		const result = await bed.run({ resource: 'callRecord', operation: 'getMany', returnAll: true });
		const records = jsonOf(result.outputs[0]);
		expect(records).toHaveLength(90);
		expect(new Set(records.map((record) => record.sn)).size).toBe(90);
		expect(hintsOf(result)).toEqual([`Item 0: Created from 2018-01-01 00:00:00 to ${endOfToday()} (China time), read in ${windowCount()} windows of 90 days`]);
		const [whole, ...windows] = bed.sandbox.requestsTo('/api/crmList');
		expect(whole.params).toMatchObject({ start_create_at: '2018-01-01 00:00:00', end_create_at: endOfToday() });
		expect(windows).toHaveLength(windowCount());
		expect(windows[0].params.end_create_at).toBe(endOfToday());
		expect(windows[windows.length - 1].params.start_create_at).toBe('2018-01-01 00:00:00');
	});

	it('stops at the Limit, newest window first', async () => {
		generateRecords(bed.sandbox, 90, undefined, 9);
		const result = await bed.run({ resource: 'callRecord', operation: 'getMany', returnAll: false, limit: 40 });
		expect(jsonOf(result.outputs[0]).map((record) => record.sn)).toEqual(bed.sandbox.data.records.slice(0, 40).map((record) => record.sn));
		expect(bed.sandbox.requestsTo('/api/crmList')).toHaveLength(2);
	});

	it('reads the whole range in one walk where the tenant takes it, and keeps the other filters', async () => {
		bed.sandbox.shapes.maxDateRangeDays = 'unlimited';
		generateRecords(bed.sandbox, 30, undefined, 5);
		const result = await bed.run({ resource: 'callRecord', operation: 'getMany', returnAll: true, filters: { intentLevels: ['A'] } });
		expect(jsonOf(result.outputs[0]).map((record) => record.status)).toEqual(['A', 'A', 'A']);
		const requests = bed.sandbox.requestsTo('/api/crmList');
		expect(requests).toHaveLength(1);
		expect(hintsOf(result)).toEqual([`Item 0: Created from 2018-01-01 00:00:00 to ${endOfToday()} (China time)`]);
	});

	it('keeps the dates the user gave, and adds no hint when both are given', async () => {
		generateRecords(bed.sandbox, 30, undefined, 5);
		const result = await bed.run({ resource: 'callRecord', operation: 'getMany', returnAll: true, filters: { createdAfter: '2020-01-01 00:00:00', createdBefore: '2020-02-01 00:00:00' } });
		expect(jsonOf(result.outputs[0])).toEqual([]);
		expect(bed.sandbox.requestsTo('/api/crmList').map((entry) => [entry.params.start_create_at, entry.params.end_create_at])).toEqual([['2020-01-01 00:00:00', '2020-02-01 00:00:00']]);
		expect(hintsOf(result)).toEqual([]);
	});
});

describe('Task → Get Many and the task-list reader over every date', () => {
	function seedOverYears() {
		return [
			seedTask(bed.sandbox, { source: '今天' }),
			seedTask(bed.sandbox, { source: '上月', createdAt: formatChinaTime(new Date(Date.now() - 40 * 86_400_000)) }),
			seedTask(bed.sandbox, { source: '前年', createdAt: '2024-02-01 08:00:00' }),
		];
	}

	it('Task → Get Many without dates lists the tasks of every year (Return All and Limit)', async () => {
		seedOverYears();
		const all = await bed.run({ resource: 'task', operation: 'getMany', returnAll: true });
		// newest window first; within a window in Yunke's order (newest id first)
		expect(jsonOf(all.outputs[0]).map((task) => task.source)).toEqual(['上月', '今天', '前年']);
		expect(hintsOf(all)).toEqual([`Item 0: Created from 2018-01-01 00:00:00 to ${endOfToday()} (China time), read in ${windowCount()} windows of 90 days`]);
		const two = await bed.run({ resource: 'task', operation: 'getMany', returnAll: false, limit: 2 });
		expect(jsonOf(two.outputs[0]).map((task) => task.source)).toEqual(['上月', '今天']);
	});

	it('finds a task created years ago by its sn, and imports into it', async () => {
		const [, , old] = seedOverYears();
		const details = await bed.run({ resource: 'task', operation: 'getDetails', task: locator(old.dial_task_main_sn), returnAll: true });
		expect(details.status).toBe('success');
		expect(bed.sandbox.requestsTo('/api/getDetailsList')[0].params.dial_task_main_id).toBe(String(old.dial_task_main_id));
		const imported = await bed.run(importIntoParameters(bed.sandbox, old.dial_task_main_sn), people(2));
		expect(jsonOf(imported.outputs[0])[0]).toMatchObject({ taskSn: old.dial_task_main_sn, rowsSent: 2 });
		expect(old.rows).toHaveLength(2);
	});
});

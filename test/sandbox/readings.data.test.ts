import { generateRecords } from '../../sandbox/bulkRecords';
import type { SandboxShapes } from '../../sandbox/readings';
import { importTargets } from '../helpers/imports';
import { useSandbox } from '../helpers/sandbox';
import { seedTask } from '../helpers/tasks';

const bed = useSandbox({ speed: { callMs: 10 } });

function reading(shapes: Partial<SandboxShapes>): void {
	Object.assign(bed.sandbox.shapes, shapes);
}

/** The same person written two ways, imported into one task in two requests. */
async function importTwice(first: string, second: string) {
	const { scriptSn, subAccountSn } = importTargets(bed.sandbox);
	const base = { project_sn: scriptSn, ai_user_sn: subAccountSn, source: '读法测试' };
	const created = await bed.client.call('POST', '/api/addJson', { ...base, client_info_json: { data: [{ 姓名: '张三', 电话: first }] } });
	const sn = created.data.data.dial_task_main_sn as string;
	const appended = await bed.client.call('POST', '/api/addJson', { ...base, dial_task_main_sn: sn, client_info_json: { data: [{ 姓名: '张三', 电话: second }] } });
	return { task: bed.sandbox.data.tasks.find((task) => task.dial_task_main_sn === sn)!, appended: appended.data.data.import_mark };
}

describe('reading phoneMatch', () => {
	it('exact (default): numbers are stored and compared as sent, so one person written two ways is two rows', async () => {
		expect(bed.sandbox.shapes.phoneMatch).toBe('exact');
		const { task, appended } = await importTwice('+86 138 0013 8000', '13800138000');
		expect(task.rows.map((row) => row.phone)).toEqual(['+86 138 0013 8000', '13800138000']);
		expect(appended).toMatchObject({ successCount: 1, repeatCount: 0 });
	});

	it('normalised: the digits decide, so the second form is a repeat', async () => {
		reading({ phoneMatch: 'normalised' });
		const { task, appended } = await importTwice('+86 138 0013 8000', '138-0013-8000');
		expect(task.rows.map((row) => row.phone)).toEqual(['13800138000']);
		expect(appended).toMatchObject({ successCount: 0, repeatCount: 1 });
	});

	it.each([
		['exact', 0, 1],
		['normalised', 1, 0],
	] as const)('%s: the do-not-disturb list, 5.3.2 cancel by number and the 6.1 phone filter', async (phoneMatch, matched, unmatched) => {
		reading({ phoneMatch });
		expect((await bed.client.call('POST', '/api/importsExcelapi', { phone: '+8613900139000', term_value: 0 })).data.data.success).toBe(1);
		const { task, appended } = await importTwice('13900139000', '13700137000');
		expect(task.rows.map((row) => row.phone)).toEqual(matched ? ['13700137000'] : ['13900139000', '13700137000']);
		expect(appended.blacklistCount).toBe(0);
		const cancel = await bed.client.call('POST', '/api/cancelCallCallee', { dial_task_main_sn: task.dial_task_main_sn, callee: '+86 137 0013 7000', apikey: 'x' });
		expect(cancel.data.data).toMatchObject({ success: matched, fail: unmatched });
		const removed = await bed.client.call('POST', '/api/BlackListDelete', { phone_str: '13900139000' });
		expect(removed.data).toMatchObject({ success: matched, fail: unmatched });
		generateRecords(bed.sandbox, 3, undefined, 0);
		const filtered = await bed.client.call('POST', '/api/crmList', { phone: '+86 139 0000 0001' });
		expect(filtered.data.data.list).toHaveLength(matched);
	});
});

describe('reading emptyDates (5.1, 6.1)', () => {
	beforeEach(() => {
		generateRecords(bed.sandbox, 70, undefined, 7);
		seedTask(bed.sandbox, { source: '今天' });
		seedTask(bed.sandbox, { source: '去年', createdAt: '2025-05-01 10:00:00' });
	});

	it('today (default): no dates means today only', async () => {
		expect(bed.sandbox.shapes.emptyDates).toBe('today');
		const today = bed.sandbox.clock.chinaText().slice(0, 10);
		const records = (await bed.client.call('POST', '/api/crmList', { pageSize: 100 })).data.data;
		expect(records.total).toBeLessThan(70);
		expect(records.list.every((record: { created_at: string }) => record.created_at.startsWith(today))).toBe(true);
		expect((await bed.client.call('POST', '/api/index', {})).data.data.list.map((task: { source: string }) => task.source)).toEqual(['今天', '批量生成']);
	});

	it('all: no dates means every row', async () => {
		reading({ emptyDates: 'all', maxDateRangeDays: 'unlimited' });
		expect((await bed.client.call('POST', '/api/crmList', { pageSize: 100 })).data.data.total).toBe(70);
		expect((await bed.client.call('POST', '/api/index', {})).data.data.list.map((task: { source: string }) => task.source)).toEqual(['去年', '今天', '批量生成']);
	});
});

describe('reading maxDateRangeDays (5.1, 6.1)', () => {
	const wide = { start_create_at: '2018-01-01 00:00:00', end_create_at: '2026-12-31 23:59:59' };

	it('90 (default): a wider range is refused with 20002, a 90-day one is answered', async () => {
		expect(bed.sandbox.shapes.maxDateRangeDays).toBe('90');
		expect((await bed.client.call('POST', '/api/crmList', wide)).data.code).toBe(20002);
		expect((await bed.client.call('POST', '/api/index', wide)).data.code).toBe(20002);
		const ninety = { start_create_at: '2024-08-01 00:00:00', end_create_at: '2024-10-29 23:59:59' };
		expect((await bed.client.call('POST', '/api/crmList', ninety)).data.code).toBe(0);
	});

	it('unlimited: any range is answered', async () => {
		reading({ maxDateRangeDays: 'unlimited' });
		expect((await bed.client.call('POST', '/api/crmList', wide)).data.code).toBe(0);
		expect((await bed.client.call('POST', '/api/index', wide)).data.code).toBe(0);
	});
});

describe('reading unpagedLists (8.1)', () => {
	beforeEach(async () => {
		for (let index = 0; index < 12; index++) await bed.client.call('POST', '/api/importsExcelapi', { phone: String(13800000000 + index), term_value: 0 });
	});
	const phones = (answer: { data: { datas: Array<{ phone: string }> } }) => answer.data.datas.map((entry) => entry.phone);

	it('samePage (default): pageIndex is ignored, every page is the first', async () => {
		expect(bed.sandbox.shapes.unpagedLists).toBe('samePage');
		const first = await bed.client.call('POST', '/api/BlackListListsDataapi', { pageIndex: 0, pageSize: 5 });
		const second = await bed.client.call('POST', '/api/BlackListListsDataapi', { pageIndex: 1, pageSize: 5 });
		expect(first.data.total).toBe(12);
		expect(phones(second)).toEqual(phones(first));
	});

	it('paged: pageIndex pages', async () => {
		reading({ unpagedLists: 'paged' });
		const first = await bed.client.call('POST', '/api/BlackListListsDataapi', { pageIndex: 0, pageSize: 5 });
		const second = await bed.client.call('POST', '/api/BlackListListsDataapi', { pageIndex: 1, pageSize: 5 });
		expect(phones(second)).not.toEqual(phones(first));
		expect(phones(second)).toHaveLength(5);
	});
});

import { buildWorkbook } from '../../sandbox/excel';
import { ENDPOINTS, encodeImportRows } from '../../nodes/Yunke/shared/contract';
import { MultipartBody } from '../../nodes/Yunke/shared/multipart';
import { importTargets, people, seedTask, until } from '../helpers/imports';
import { useSandbox } from '../helpers/sandbox';

// these cases send `client_info_json` as the JSON string the docs show (the nested form: test/import/task.importClientInfo.test.ts)
const bed = useSandbox({ shapes: { clientInfoJson: 'string' } });

function rows(n: number, from = 0) {
	return people(n, from).map((person) => ({ 姓名: person['姓名'], 电话: person.phone }));
}

async function addJson(params: Record<string, unknown>, endpoint: string = ENDPOINTS.taskCreateJson) {
	const { scriptSn, subAccountSn } = importTargets(bed.sandbox);
	return (await bed.client.call('POST', endpoint, { project_sn: scriptSn, source: '测试', ai_user_sn: subAccountSn, client_info_json: encodeImportRows(rows(2)), ...params })).data;
}

describe('sandbox 5.7.1 / 5.7.2 / 5.7.4', () => {
	it('creates a task with the assumed answer and appends to it by sn', async () => {
		const created = await addJson({});
		expect(created).toMatchObject({ code: 0, msg: '导入成功', data: { dial_task_main_id: expect.any(Number), dial_task_main_sn: expect.stringMatching(/^dial_task_main_sn\|[0-9a-f]{32}$/) } });
		expect(created.data.import_mark).toMatchObject({ totalCount: 2, successCount: 2 });
		const appended = await addJson({ dial_task_main_sn: created.data.dial_task_main_sn, client_info_json: encodeImportRows(rows(3)) });
		expect(appended.data.import_mark).toMatchObject({ totalCount: 3, successCount: 1, repeatCount: 2 });
		expect(bed.sandbox.data.tasks).toHaveLength(1);
		// no is_zidong: the strict tenant dials at once (reading isZidongDefault 'on')
		expect([0, 1]).toContain(bed.sandbox.data.tasks[0].status);
		const info = (await bed.client.call('POST', ENDPOINTS.taskImportResult, { dial_task_main_id: created.data.dial_task_main_id })).data;
		expect(info.data).toMatchObject({ import_percent: 100, import_mark: { totalCount: 5, successCount: 3, repeatCount: 2 }, import_fail_data: [] });
	});

	it.each([
		['more than 30,000 rows', { client_info_json: encodeImportRows(rows(30_001)) }, 30005],
		['bad JSON', { client_info_json: '{"data":[' }, 30006],
		['no rows', { client_info_json: '{"data":[]}' }, 30006],
		['no sub-account', { ai_user_sn: '' }, 30009],
		['a foreign sub-account', { ai_user_sn: 'SYSUSER|nope' }, 30015],
		['an unknown task', { dial_task_main_sn: 'dial_task_main_sn|nope' }, 30011],
		['an empty template', { project_sn: 'x' }, 30003],
		['a name with spaces', { source: 'a b' }, 20002],
	])('refuses %s with %i', async (_label, params, code) => {
		expect((await addJson(params)).code).toBe(code);
		expect(bed.sandbox.data.tasks).toHaveLength(0);
	});

	it('refuses sub-accounts without AI seats (30012) and tenants without any (30010)', async () => {
		bed.sandbox.data.subAccounts[0].max_call_count = 0;
		expect((await addJson({})).code).toBe(30012);
		bed.sandbox.data.subAccounts[0].max_call_count = 2;
		bed.sandbox.data.account.aiSeats = 0;
		expect((await addJson({})).code).toBe(30010);
	});

	it('counts every waiting row of every task against the 300,000 ceiling (30004)', async () => {
		seedTask(bed.sandbox, people(299_999).map((person) => person.phone));
		expect((await addJson({})).code).toBe(30004);
		expect((await addJson({ client_info_json: encodeImportRows(rows(1, 400_000)) })).code).toBe(0);
	});

	it('refuses the 101st creation of the day with code 500 and a message', async () => {
		bed.sandbox.data.tasksCreatedToday = 100;
		expect(await addJson({})).toEqual({ code: 500, msg: '今日新建任务次数已达上限(100次),请向已有任务追加号码' });
	});

	it('imports in the background, then reports 5.7.4 and pushes the import result', async () => {
		const finished: string[] = [];
		bed.sandbox.events.importFinished = (sn) => finished.push(sn);
		const started = await addJson({ is_zidong: 'on' }, ENDPOINTS.taskCreateJsonAsync);
		expect(started.data.import_mark).toBeUndefined();
		const task = bed.sandbox.data.tasks[0];
		expect(task.rows).toHaveLength(0);
		const during = (await bed.client.call('POST', ENDPOINTS.taskImportResult, { dial_task_main_id: task.dial_task_main_id })).data;
		expect(during.data.import_percent).toBe(0);
		await until(() => finished.length === 1);
		expect(finished).toEqual([task.dial_task_main_sn]);
		expect(task.rows).toHaveLength(2);
		expect(task.status).toBe(0);
	});

	it('reads uploaded workbooks (30001 empty, 30002 not Excel)', async () => {
		const { scriptSn, subAccountSn } = importTargets(bed.sandbox);
		const upload = async (data: Buffer) =>
			(
				await bed.client.call('POST', ENDPOINTS.taskCreateExcelAsync, new MultipartBody(
					{ project_sn: scriptSn, source: '表格', ai_user_sn: subAccountSn },
					[{ field: 'upload', fileName: 'a.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data }],
				) as never)
			).data;
		expect((await upload(Buffer.from('plain text'))).code).toBe(30002);
		expect((await upload(buildWorkbook([['姓名', '*电话']]))).code).toBe(30001);
		expect((await upload(buildWorkbook([['姓名', '*电话'], ['甲', '13800000000']]))).code).toBe(0);
	});
});

import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';
import { createParameters, importTargets, onlyTask, people, sentRows } from '../helpers/imports';
import { expectSigned } from '../helpers/signature';

const bed = useBed();

const importRequests = () => bed.sandbox.log.filter((entry) => /^\/api\/add(Json|JsonOfAsync|ExcelOfAsync)$/.test(entry.path));

describe('Task → Create: mapping', () => {
	it('maps item fields to template columns by name, creates one task and outputs a paired summary', async () => {
		const items = [
			{ 姓名: '张三', phone: '138-0013-8000', 地址: '北京' },
			{ 姓名: '李四', '*电话': '13900139000', 备注: 'VIP' },
			{ 电话: '2345 6789', 公司名称: '云客' },
		];
		const result = await bed.run(createParameters(bed.sandbox), items);
		expect(result.status).toBe('success');

		const [template] = bed.sandbox.requestsTo('/api/exportModel');
		expect(template.params).toMatchObject({ project_sn: importTargets(bed.sandbox).scriptSn, type: 'json' });
		const [request] = importRequests();
		expect(request.path).toBe('/api/addJson');
		expect(request.paramOrder).toEqual(['user_sn', 'api_key', 'project_sn', 'source', 'ai_user_sn', 'client_info_json', 'url']);
		expect(request.params).toMatchObject({ source: '回访九月', ai_user_sn: importTargets(bed.sandbox).subAccountSn });
		expect(request.params.is_zidong).toBeUndefined();
		expectSigned(request);
		expect(sentRows(request)).toEqual([
			{ 姓名: '张三', 电话: '13800138000', 地址: '北京', 公司名称: '', 备注: '' },
			{ 姓名: '李四', 电话: '13900139000', 地址: '', 公司名称: '', 备注: 'VIP' },
			{ 姓名: '', 电话: '23456789', 地址: '', 公司名称: '云客', 备注: '' },
		]);

		const task = onlyTask(bed.sandbox);
		const [summary, ...rest] = result.outputs[0];
		expect(summary.json).toMatchObject({
			taskId: String(task.dial_task_main_id),
			taskSn: task.dial_task_main_sn,
			taskName: '回访九月',
			taskCreated: true,
			importMode: 'synchronous',
			requests: 1,
			rowsSent: 3,
			finished: true,
			counts: { total: 3, imported: 2, failed: 1, blacklisted: 0, duplicate: 0 },
			diallingStarted: false,
			importedItems: '0-2',
			rejectedRows: 1,
		});
		expect(summary.pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		// a local number without area code is a phone number for the node but not one the platform dials: it comes back paired with its item
		expect(jsonOf(rest)).toEqual([
			expect.objectContaining({ rejected: true, taskSn: task.dial_task_main_sn, row: expect.objectContaining({ '*电话': '23456789' }) }),
		]);
		expect(rest[0].pairedItem).toEqual({ item: 2 });
		expect(task.rows.map((row) => row.phone)).toEqual(['13800138000', '13900139000']);
		expect(task.status).toBe(4);
		expect(bed.sandbox.auth.logins).toBe(1);
	});

	it('maps columns set one by one in the Columns mapper, with expressions per item', async () => {
		const result = await bed.run(
			createParameters(bed.sandbox, {
				columns: {
					mappingMode: 'defineBelow',
					value: { '*电话': '={{ $json.mobile }}', 姓名: '={{ $json.first }} {{ $json.last }}', 备注: 'from CRM' },
					matchingColumns: [],
					schema: [],
				},
			}),
			[
				{ mobile: '13800000001', first: 'Ada', last: 'Lovelace', ignored: true },
				{ mobile: '13800000002', first: 'Alan', last: 'Turing' },
			],
		);
		expect(result.status).toBe('success');
		expect(sentRows(importRequests()[0])).toEqual([
			{ 姓名: 'Ada Lovelace', 电话: '13800000001', 地址: '', 公司名称: '', 备注: 'from CRM' },
			{ 姓名: 'Alan Turing', 电话: '13800000002', 地址: '', 公司名称: '', 备注: 'from CRM' },
		]);
	});

	it('starts dialling at creation with is_zidong when asked', async () => {
		const result = await bed.run(createParameters(bed.sandbox, { options: { startDialling: true } }), people(2));
		const [request] = importRequests();
		expect(request.params.is_zidong).toBe('on');
		expect(result.outputs[0][0].json).toMatchObject({ diallingStarted: true });
		expect(onlyTask(bed.sandbox).status).toBe(0);
		expect(bed.sandbox.requestsTo('/api/operateTask')).toHaveLength(0);
	});

	it('counts numbers on the do-not-disturb list, and does not send a repeated number', async () => {
		bed.sandbox.data.dnd.push({ id: 1, phone: '13900000001', name: null, unit: '', address: '', remark: '', term_value: '0', created_at: '', is_auto: '0', term_time: '' });
		const items = [...people(3), { 姓名: 'again', phone: '13900000002' }];
		const result = await bed.run(createParameters(bed.sandbox), items);
		expect(result.outputs[0][0].json.counts).toMatchObject({ total: 3, imported: 2, blacklisted: 1, duplicate: 0, failed: 0 });
		expect(result.outputs[0][1]).toMatchObject({ json: { notSent: true, duplicateOf: 2, phone: '13900000002' }, pairedItem: { item: 3 } });
		expect(onlyTask(bed.sandbox).rows.map((row) => row.phone)).toEqual(['13900000000', '13900000002']);
	});

	it('sends extra vendor fields with the creation', async () => {
		await bed.run(createParameters(bed.sandbox, { extraFields: '{"is_auto_fail_recall": 1, "fail_recall_interval": 30}' }), people(1));
		expect(importRequests()[0].params).toMatchObject({ is_auto_fail_recall: 1, fail_recall_interval: 30 });
		expect(onlyTask(bed.sandbox).options).toMatchObject({ is_auto_fail_recall: 1 });
	});
});

describe('Task → Create: checks before anything is sent', () => {
	it('reports an unknown field with item and field and sends no import', async () => {
		const result = await bed.run(createParameters(bed.sandbox), [...people(2), { 姓名: 'x', phone: '13800000000', crmId: 7 }]);
		expect(result.status).toBe('error');
		expect(result.nodeError?.message).toBe('Field "crmId": matches no column of the script import template [item 2]');
		expect((result.nodeError as { description?: string }).description).toContain('Ignore Unknown Fields');
		expect(importRequests()).toHaveLength(0);
		expect(bed.sandbox.data.tasks).toHaveLength(0);
	});

	it('skips unknown fields when Ignore Unknown Fields is on', async () => {
		const result = await bed.run(createParameters(bed.sandbox, { options: { ignoreUnknownFields: true } }), [{ 姓名: 'x', phone: '13800000000', crmId: 7 }]);
		expect(result.status).toBe('success');
		expect(sentRows(importRequests()[0])).toEqual([{ 姓名: 'x', 电话: '13800000000', 地址: '', 公司名称: '', 备注: '' }]);
	});

	it('requires the * columns and checks phone numbers, naming item and field', async () => {
		const missing = await bed.run(createParameters(bed.sandbox), [...people(1), { 姓名: 'no phone' }]);
		expect(missing.nodeError?.message).toBe('Column "*电话" (field "电话"): is empty but the script import template requires it [item 1]');
		const wrong = await bed.run(createParameters(bed.sandbox), [{ 姓名: 'bad', phone: 'call me' }]);
		expect(wrong.nodeError?.message).toBe('Column "*电话" (field "phone"): "call me" is not a phone number [item 0]');
		expect(importRequests()).toHaveLength(0);
	});

	it('rejects a task name the platform would refuse without sending anything', async () => {
		const result = await bed.run(createParameters(bed.sandbox, { taskName: 'September run' }), people(1));
		expect(result.nodeError?.message).toBe('Task Name: "September run" may contain only Chinese or English letters, digits and parentheses [item 0]');
		expect(bed.sandbox.log).toHaveLength(0);
	});

	it('with Continue On Fail, imports the valid items and sends each invalid one to the error output', async () => {
		const items = [people(1)[0], { 姓名: 'no phone' }, { 姓名: 'bad', phone: '12' }, people(1, 5)[0]];
		const result = await bed.run(createParameters(bed.sandbox), items, { onError: 'continueErrorOutput' });
		expect(result.status).toBe('success');
		const [summary] = result.outputs[0];
		expect(summary.json).toMatchObject({ rowsSent: 2, importedItems: '0, 3', invalidItems: '1-2' });
		expect(summary.pairedItem).toEqual([{ item: 0 }, { item: 3 }]);
		const errors = result.outputs[1];
		expect(errors.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(errors[0].json.error).toContain('[item 1]');
		expect(errors[1].json.error).toContain('"12" is not a phone number [item 2]');
		expect(onlyTask(bed.sandbox).rows).toHaveLength(2);
	});

	it('stops when the script has no import template', async () => {
		const result = await bed.run(
			createParameters(bed.sandbox, { script: { __rl: true, mode: 'id', value: importTargets(bed.sandbox).emptyScriptSn } }),
			people(1),
		);
		expect(result.nodeError?.message).toBe('The script has no import template');
		expect(importRequests()).toHaveLength(0);
	});

	it('maps vendor refusals to English errors, as error items with Continue On Fail', async () => {
		bed.sandbox.data.subAccounts[0].max_call_count = 0;
		const result = await bed.run(createParameters(bed.sandbox), people(2), { onError: 'continueErrorOutput' });
		expect(result.outputs[0]).toHaveLength(0);
		expect(result.outputs[1].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.outputs[1][0].json.error).toBe('The sub-account has no AI seats allotted (Yunke code 30012)');
	});
});

import { generateRecords } from '../../sandbox/bulkRecords';
import { createParameters, importIntoParameters, seedTask, sentRows } from '../helpers/imports';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';

/**
 * The strict tenant (reading phoneMatch: exact) stores and compares numbers as sent: the node must send
 * every number in the one bare form, or one person written two ways is called twice and a blocked
 * number slips past its do-not-disturb entry.
 */
const bed = useBed();

const task = (sn: string) => ({ __rl: true, mode: 'id', value: sn });

describe('Task import: every number in the form Yunke stores', () => {
	it('sends +86, 0086, 86, full-width, dotted and bracketed numbers as bare digits; landlines keep their area code', async () => {
		const written = [
			'+86 138 0013 8000',
			'0086-139-0013-9000',
			'8613700137000',
			'１３６ ００１３ ６０００',
			'(135).0013.5000',
			'＋86 134-0013-4000',
			'010-12345678',
			'+86 10 8765 4321',
			'0755 1234 5678',
			'400-123-4567',
		];
		const result = await bed.run(createParameters(bed.sandbox), written.map((phone, index) => ({ 姓名: `客户${index}`, phone })));
		expect(result.status).toBe('success');
		const [request] = bed.sandbox.requestsTo('/api/addJson');
		expect(sentRows(request).map((row) => row.电话)).toEqual([
			'13800138000',
			'13900139000',
			'13700137000',
			'13600136000',
			'13500135000',
			'13400134000',
			'01012345678',
			'01087654321',
			'075512345678',
			'4001234567',
		]);
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ rowsSent: 10, duplicateRows: 0 });
	});

	it('sends one person written two ways in one import once; the repeat is its own item, paired with its input', async () => {
		const items = [
			{ 姓名: '张三', phone: '+86 138 0013 8000' },
			{ 姓名: '李四', phone: '13900139000' },
			{ 姓名: '张三', phone: '138-0013-8000' },
		];
		const result = await bed.run(createParameters(bed.sandbox), items);
		expect(sentRows(bed.sandbox.requestsTo('/api/addJson')[0]).map((row) => row.电话)).toEqual(['13800138000', '13900139000']);
		const [summary, repeat] = result.outputs[0];
		expect(summary.json).toMatchObject({ rowsSent: 2, duplicateRows: 1, importedItems: '0-1' });
		expect(summary.pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		expect(repeat.json).toEqual({
			notSent: true,
			reason: 'same number as item 0',
			duplicateOf: 0,
			phone: '13800138000',
			taskId: String(summary.json.taskId),
			taskSn: summary.json.taskSn,
		});
		expect(repeat.pairedItem).toEqual({ item: 2 });
		expect(bed.sandbox.data.tasks[0].rows.map((row) => row.phone)).toEqual(['13800138000', '13900139000']);
	});

	it('never adds the same person twice to one task across two imports', async () => {
		await bed.run(createParameters(bed.sandbox), [{ 姓名: '张三', phone: '+86 138 0013 8000' }]);
		const [created] = bed.sandbox.data.tasks;
		const again = await bed.run(importIntoParameters(bed.sandbox, created.dial_task_main_sn), [{ 姓名: '张三', phone: '0086 13800138000' }]);
		expect(again.status).toBe('success');
		expect(created.rows.map((row) => row.phone)).toEqual(['13800138000']);
		expect(jsonOf(again.outputs[0])[0].counts).toMatchObject({ duplicate: 1, imported: 0 });
	});

	it('names the item and the field of a value that is not a phone number, sends nothing of it, and goes on with Continue On Fail', async () => {
		const items = [
			{ 姓名: '张三', phone: '13800138000' },
			{ 姓名: '李四', phone: 'abc' },
			{ 姓名: '王五', phone: '+1 415 555 0100' },
		];
		const result = await bed.run(createParameters(bed.sandbox), items, { onError: 'continueErrorOutput' });
		expect(sentRows(bed.sandbox.requestsTo('/api/addJson')[0]).map((row) => row.姓名)).toEqual(['张三']);
		const errors = result.outputs[1];
		expect(errors.map((item) => item.json.error)).toEqual([
			'Column "*电话" (field "phone"): "abc" is not a phone number [item 1]',
			'Column "*电话" (field "phone"): "+1 415 555 0100" is not a phone number [item 2]',
		]);
		expect(errors.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(String((errors[0].error as { description?: string }).description)).toContain('a landline with its area code such as 010-12345678');
	});
});

describe('Do-not-disturb, cancel by number, filters: the number Yunke matches', () => {
	it('blocks the number the import sends: an entry added as +86 … stops the bare number', async () => {
		const added = await bed.run({ resource: 'doNotDisturb', operation: 'add', source: 'number', phone: '+86 (138) 0013-8000', days: 0 });
		expect(jsonOf(added.outputs[0])[0]).toMatchObject({ phone: '13800138000', added: 1 });
		expect(bed.sandbox.data.dnd.map((entry) => entry.phone)).toEqual(['13800138000']);
		const imported = await bed.run(createParameters(bed.sandbox), [{ 姓名: '张三', phone: '138 0013 8000' }, { 姓名: '李四', phone: '13900139000' }]);
		expect(jsonOf(imported.outputs[0])[0].counts).toMatchObject({ blacklisted: 1, imported: 1 });
		const removed = await bed.run({ resource: 'doNotDisturb', operation: 'delete', deleteBy: 'phones', phones: '0086 138 0013 8000, 13800138000' });
		expect(bed.sandbox.requestsTo('/api/BlackListDelete')[0].params.phone_str).toBe('13800138000');
		expect(jsonOf(removed.outputs[0])[0]).toMatchObject({ removed: 1, notFound: 0 });
		expect(bed.sandbox.data.dnd).toEqual([]);
	});

	it('cancels the calls of a number written with +86 and spaces', async () => {
		const waiting = seedTask(bed.sandbox, ['13800138000', '13900139000']);
		const result = await bed.run({ resource: 'task', operation: 'cancelCalls', task: task(waiting.dial_task_main_sn), cancelBy: 'numbers', phoneNumbers: '+86 138 0013 8000，８６13800138000' });
		expect(bed.sandbox.requestsTo('/api/cancelCallCallee')[0].params.callee).toBe('13800138000');
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ requested: 1, cancelled: 1, notCancelled: 0 });
		expect(waiting.rows.map((row) => row.state)).toEqual(['cancelled', 'waiting']);
	});

	it('filters call records and stopped rows by the number in its bare form', async () => {
		generateRecords(bed.sandbox, 5, undefined, 0);
		const records = await bed.run({ resource: 'callRecord', operation: 'getMany', returnAll: true, filters: { phone: '+86 139-0000-0003' } });
		expect(jsonOf(records.outputs[0]).map((record) => record.phone)).toEqual(['13900000003']);
		expect(bed.sandbox.requestsTo('/api/crmList').every((entry) => entry.params.phone === '13900000003')).toBe(true);
		const stoppedIn = seedTask(bed.sandbox, ['13900000003']);
		await bed.run({ resource: 'task', operation: 'getStoppedDetails', task: task(stoppedIn.dial_task_main_sn), returnAll: true, filters: { phone: '0086 139 0000 0003' } });
		expect(bed.sandbox.requestsTo('/api/detailTaskStopList')[0].params.phone).toBe('13900000003');
	});
});

describe('Customer → Import: numbers in Yunke’s form, each once', () => {
	it('sends one customer written two ways once and returns the repeat paired with its item', async () => {
		const owner = { __rl: true, mode: 'id', value: bed.sandbox.data.subAccounts[0].user_sn };
		const result = await bed.run({ resource: 'customer', operation: 'import', pool: 'private', source: 'json', columnMode: 'item', owner }, [
			{ 电话: '+86 138 0013 8000', 姓名: '张三' },
			{ 电话: '138-0013-8000', 姓名: '张三' },
		]);
		const [request] = bed.sandbox.requestsTo('/api/addCustomerJson');
		expect(JSON.parse(String(request.params.add_json)).data).toEqual([{ 电话: '13800138000', 姓名: '张三' }]);
		expect(bed.sandbox.data.customers.map((customer) => customer.phone)).toEqual(['13800138000']);
		expect(result.outputs[0].map((item) => [item.json, item.pairedItem])).toEqual([
			[{ pool: 'private', rows: 1, total: 1, imported: 1, failed: 0, duplicates: 0 }, { item: 0 }],
			[{ pool: 'private', notSent: true, reason: 'same number as item 0', duplicateOf: 0, phone: '13800138000' }, { item: 1 }],
		]);
	});
});

import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';
import { createParameters, importIntoParameters, onlyTask, people, rowCountOf, seedTask, sentRows } from '../helpers/imports';
import { expectSigned } from '../helpers/signature';
import { ENDPOINTS } from '../../nodes/Yunke/shared/contract';

const bed = useBed();

const imports = () => bed.sandbox.requestsTo('/api/addJson');

describe('Task → Create: chunks of at most 30,000 rows, one task per run', () => {
	it.each([
		[29_999, [29_999]],
		[30_000, [30_000]],
		[30_001, [30_000, 1]],
	])('%i rows go out in requests of %j rows', async (count, sizes) => {
		const result = await bed.run(createParameters(bed.sandbox), people(count));
		expect(result.status).toBe('success');
		const requests = imports();
		expect(requests.map(rowCountOf)).toEqual(sizes);
		const task = onlyTask(bed.sandbox);
		expect(task.rows).toHaveLength(count);
		expect(new Set(task.rows.map((row) => row.phone)).size).toBe(count);
		expect(requests[0].params.dial_task_main_sn).toBeUndefined();
		for (const append of requests.slice(1)) expect(append.params.dial_task_main_sn).toBe(task.dial_task_main_sn);
		expect(bed.sandbox.data.tasksCreatedToday).toBe(1);
		expect(result.outputs[0][0].json).toMatchObject({ requests: sizes.length, rowsSent: count, counts: { imported: count }, importedItems: `0-${count - 1}` });
		expect(result.outputs[0]).toHaveLength(1);
		expect((result.outputs[0][0].pairedItem as unknown[]).length).toBe(count);
	});

	it('honours a smaller Chunk Size and rejects one out of range before sending', async () => {
		await bed.run(createParameters(bed.sandbox, { options: { chunkSize: 4 } }), people(10));
		expect(imports().map((entry) => sentRows(entry).length)).toEqual([4, 4, 2]);
		expect(sentRows(imports()[2])).toEqual([
			{ 姓名: '客户8', 电话: '13900000008', 地址: '', 公司名称: '', 备注: '' },
			{ 姓名: '客户9', 电话: '13900000009', 地址: '', 公司名称: '', 备注: '' },
		]);
		expectSigned(imports()[2]);
		expect(onlyTask(bed.sandbox).rows).toHaveLength(10);

		bed.sandbox.reset();
		const result = await bed.run(createParameters(bed.sandbox, { options: { chunkSize: 30_001 } }), people(1));
		expect(result.nodeError?.message).toBe('Chunk Size: "30001" is not a whole number at least 1 and at most 30000 [item 0]');
		expect(bed.sandbox.log).toHaveLength(0);
	});
});

describe('Task → Create: partial failure and resuming', () => {
	it('with Continue On Fail, outputs the imported ranges and each row not imported as an error item', async () => {
		bed.sandbox.injectFault({ path: '/api/addJson', skip: 2, action: { type: 'code', code: 30004 } });
		const result = await bed.run(createParameters(bed.sandbox, { options: { chunkSize: 10 } }), people(35), { onError: 'continueErrorOutput' });
		expect(result.status).toBe('success');
		const task = onlyTask(bed.sandbox);
		expect(task.rows).toHaveLength(20);
		const [summary] = result.outputs[0];
		expect(summary.json).toMatchObject({
			taskSn: task.dial_task_main_sn,
			requests: 2,
			importedItems: '0-19',
			notImportedItems: '20-34',
			failure: 'Request 3 of 4 failed: Too many numbers are waiting to be called (the limit is 300,000) (Yunke code 30004)',
			counts: { imported: 20 },
		});
		expect((summary.pairedItem as Array<{ item: number }>).map((entry) => entry.item)).toEqual([...Array(20).keys()]);
		const errors = result.outputs[1];
		expect(errors.map((item) => (item.pairedItem as { item: number }).item)).toEqual([...Array(15).keys()].map((index) => index + 20));
		expect(errors[0].json.error).toBe('Too many numbers are waiting to be called (the limit is 300,000) (Yunke code 30004)');

		// re-running into the same task with all items adds exactly the missing rows
		const again = await bed.run(importIntoParameters(bed.sandbox, task.dial_task_main_sn, { options: { chunkSize: 10 } }), people(35));
		expect(again.status).toBe('success');
		expect(again.outputs[0][0].json).toMatchObject({ taskCreated: false, counts: { total: 35, imported: 15, duplicate: 20 } });
		expect(task.rows.map((row) => row.phone)).toEqual(people(35).map((person) => person.phone));
		expect(bed.sandbox.data.tasksCreatedToday).toBe(1);
	});

	it('without Continue On Fail, fails the execution naming the imported and the missing items and the task', async () => {
		bed.sandbox.injectFault({ path: '/api/addJson', skip: 1, action: { type: 'code', code: 500 } });
		const result = await bed.run(createParameters(bed.sandbox, { options: { chunkSize: 10 } }), people(25));
		expect(result.status).toBe('error');
		const task = onlyTask(bed.sandbox);
		expect(result.nodeError?.message).toBe('The import stopped part-way: Request 2 of 3 failed: The Yunke server failed (Yunke code 500)');
		const description = String((result.nodeError as { description?: string }).description);
		expect(description).toContain(`Items 0-9 were imported into task 回访九月 (ID ${task.dial_task_main_id}, sn ${task.dial_task_main_sn})`);
		expect(description).toContain('items 10-24 were not');
		expect(task.rows).toHaveLength(10);
	});

	it('finds a created task in the task list when the creation answer is lost, and never creates twice', async () => {
		bed.sandbox.injectFault({ path: '/api/addJson', phase: 'after', action: { type: 'reset' } });
		const result = await bed.run(createParameters(bed.sandbox, { options: { chunkSize: 10 } }), people(25));
		expect(result.status).toBe('success');
		const task = onlyTask(bed.sandbox);
		expect(bed.sandbox.data.tasksCreatedToday).toBe(1);
		expect(imports()).toHaveLength(3);
		expect(imports()[1].params.dial_task_main_sn).toBe(task.dial_task_main_sn);
		expect(task.rows).toHaveLength(25);
		expect(result.outputs[0][0].json).toMatchObject({ taskSn: task.dial_task_main_sn, counts: { total: 25, imported: 25 } });
	});

	it('does not send an append again when the task counts show it landed before its answer was lost', async () => {
		bed.sandbox.injectFault({ path: '/api/addJson', skip: 1, phase: 'after', action: { type: 'reset' } });
		const result = await bed.run(createParameters(bed.sandbox, { options: { chunkSize: 10 } }), people(25));
		expect(result.status).toBe('success');
		expect(imports()).toHaveLength(3);
		const task = onlyTask(bed.sandbox);
		expect(task.rows.map((row) => row.phone)).toEqual(people(25).map((person) => person.phone));
		expect(result.outputs[0][0].json).toMatchObject({ counts: { imported: 25, duplicate: 0 } });
	});
});

describe('Task → Import Data into an existing task', () => {
	it('appends to the task picked by ID, then resumes it when asked to start dialling', async () => {
		const task = seedTask(bed.sandbox, ['13900000000'], { status: 1 });
		const result = await bed.run(
			importIntoParameters(bed.sandbox, String(task.dial_task_main_id), { options: { startDialling: true } }),
			people(3),
		);
		expect(result.status).toBe('success');
		const [request] = imports();
		expect(request.params).toMatchObject({ dial_task_main_sn: task.dial_task_main_sn, source: '老任务' });
		expect(request.params.is_zidong).toBeUndefined();
		const [operate] = bed.sandbox.requestsTo('/api/operateTask');
		expect(operate.params).toMatchObject({ oper: 'keepOn', pkeys: String(task.dial_task_main_id), project_type: 2 });
		expect(task.status).toBe(0);
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ taskCreated: false, diallingStarted: true, counts: { imported: 2, duplicate: 1 } });
		expect(bed.sandbox.data.tasksCreatedToday).toBe(0);
	});

	it('names a task that does not exist before sending any row', async () => {
		const result = await bed.run(importIntoParameters(bed.sandbox, 'dial_task_main_sn|0000'), people(2));
		expect(result.nodeError?.message).toBe('Task: no task has the ID or sn "dial_task_main_sn|0000" [item 0]');
		expect(imports()).toHaveLength(0);
	});

	it('checks the 300,000 pending-call ceiling before a creation', async () => {
		seedTask(bed.sandbox, people(299_990).map((person) => person.phone));
		const result = await bed.run(createParameters(bed.sandbox), people(20, 500_000));
		expect(result.nodeError?.message).toBe(
			'Too many numbers would wait to be called: 299990 are waiting and this import adds 20; Yunke allows 300000',
		);
		expect(imports()).toHaveLength(0);

		const unchecked = await bed.run(createParameters(bed.sandbox, { options: { checkPendingLimit: false } }), people(20, 500_000));
		expect(unchecked.nodeError?.message).toBe('Too many numbers are waiting to be called (the limit is 300,000) (Yunke code 30004)');
		expect(imports()).toHaveLength(1);
	});

	it('checks the ceiling before adding rows to an existing task in several requests', async () => {
		const task = seedTask(bed.sandbox, people(299_990).map((person) => person.phone));
		const result = await bed.run(importIntoParameters(bed.sandbox, task.dial_task_main_sn, { options: { chunkSize: 10 } }), people(20, 500_000));
		expect(result.nodeError?.message).toBe(
			'Too many numbers would wait to be called: 299990 are waiting and this import adds 20; Yunke allows 300000',
		);
		expect(imports()).toHaveLength(0);
	});

	it('leaves rows added to an existing task in one request to Yunke, which refuses them whole', async () => {
		const task = seedTask(bed.sandbox, people(299_990).map((person) => person.phone));
		const result = await bed.run(importIntoParameters(bed.sandbox, task.dial_task_main_sn), people(20, 500_000));
		expect(result.nodeError?.message).toBe('Too many numbers are waiting to be called (the limit is 300,000) (Yunke code 30004)');
		expect(imports()).toHaveLength(1);
		expect(onlyTask(bed.sandbox).rows).toHaveLength(299_990);
	});

	it('reads only the newest window of the task list to add one lead to the day\'s task', async () => {
		const task = seedTask(bed.sandbox, people(1).map((person) => person.phone));
		const result = await bed.run(importIntoParameters(bed.sandbox, task.dial_task_main_sn), people(1, 7));
		expect(result.status).toBe('success');
		const reads = bed.sandbox.requestsTo(ENDPOINTS.taskList);
		const chinaDay = (daysAgo: number) => bed.sandbox.clock.chinaText(new Date(Date.now() - daysAgo * 24 * 3600_000)).slice(0, 10);
		const ranges = reads.map((read) => [read.params.start_create_at, read.params.end_create_at]);
		// the target: tasks since yesterday; then the resume's confirmation: every date (refused here), the newest 90 days
		expect(ranges).toEqual([
			[`${chinaDay(1)} 00:00:00`, `${chinaDay(0)} 23:59:59`],
			['2018-01-01 00:00:00', `${chinaDay(0)} 23:59:59`],
			[`${chinaDay(89)} 00:00:00`, `${chinaDay(0)} 23:59:59`],
		]);
		expect(onlyTask(bed.sandbox).rows).toHaveLength(2);
	});

	it('still finds an existing task created long ago, window by window', async () => {
		const old = seedTask(bed.sandbox, []);
		old.created_at = '2020-03-04 10:00:00';
		const result = await bed.run(importIntoParameters(bed.sandbox, old.dial_task_main_sn), people(1));
		expect(result.status).toBe('success');
		expect(onlyTask(bed.sandbox).rows).toHaveLength(1);
	});

	it('stops before creating the 101st task of the day', async () => {
		for (let index = 0; index < 100; index++) seedTask(bed.sandbox, [], { source: `t${index}` });
		const result = await bed.run(createParameters(bed.sandbox), people(1));
		expect(result.nodeError?.message).toBe("Yunke allows 100 new tasks a day and today's are used up");
		expect(imports()).toHaveLength(0);
	});
});

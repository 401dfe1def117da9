import { createParameters, people } from '../helpers/imports';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';

// a 2 s request timeout: a creation answered 500 is looked for in the task list for 2 s
const bed = useBed({ credential: { timeoutSeconds: 2 }, sandbox: { shapes: { isZidongDefault: 'off' } } });

const creations = (path: string) => bed.sandbox.requestsTo(path).length;

describe('code 500 to a task creation is settled from the task list before anything is reported', () => {
	it('Task → Create: the task was created before the 500; found, reported as a success that says so, never sent twice', async () => {
		bed.sandbox.injectFault({ path: '/api/addJson', phase: 'after', action: { type: 'code', code: 500 } });
		const result = await bed.run(createParameters(bed.sandbox), people(3));
		expect(result.status).toBe('success');
		expect(creations('/api/addJson')).toBe(1);
		const [task] = bed.sandbox.data.tasks;
		expect(bed.sandbox.data.tasks).toHaveLength(1);
		const [summary] = jsonOf(result.outputs[0]);
		expect(summary).toMatchObject({ taskId: String(task.dial_task_main_id), taskSn: task.dial_task_main_sn, finished: true, counts: { imported: 3 } });
		expect(summary.creationSettled).toBe(
			"Yunke answered the creation with code 500 (server error; Yunke's message: 服务端错误,请联系客服); the new task was found in the task list, so the creation was not sent again.",
		);
	});

	it('Task → Import Data into a new task, in the background: the same', async () => {
		bed.sandbox.injectFault({ path: '/api/addJsonOfAsync', phase: 'after', action: { type: 'code', code: 500 } });
		const result = await bed.run(createParameters(bed.sandbox, { operation: 'importData', into: 'new', options: { importMode: 'async' } }), people(2));
		expect(result.status).toBe('success');
		expect(creations('/api/addJsonOfAsync')).toBe(1);
		expect(bed.sandbox.data.tasks).toHaveLength(1);
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ taskCreated: true, creationSettled: expect.stringContaining('code 500'), counts: { imported: 2 } });
	});

	it('no task came of it: the "may have been created" error with its pairedItems, and no second creation', async () => {
		bed.sandbox.injectFault({ path: '/api/addJson', action: { type: 'code', code: 500 } });
		const result = await bed.run(createParameters(bed.sandbox), people(2), { onError: 'continueErrorOutput' });
		expect(result.status).toBe('success');
		expect(creations('/api/addJson')).toBe(1);
		expect(bed.sandbox.data.tasks).toHaveLength(0);
		expect(result.outputs[0]).toEqual([]);
		expect(result.outputs[1].map((item) => [item.json.error, item.pairedItem])).toEqual([
			['The task "回访九月" may have been created: Yunke answered the creation with a server error (code 500)', { item: 0 }],
			['The task "回访九月" may have been created: Yunke answered the creation with a server error (code 500)', { item: 1 }],
		]);
		expect(result.outputs[1][0].error?.description).toContain('so the request was not sent again: a second task would dial the same people twice');
	});
});

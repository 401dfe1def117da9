import type { SandboxShapes } from '../../sandbox/readings';
import type { Task } from '../../sandbox/state';
import { locator, seedTask } from '../helpers/tasks';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';

const bed = useBed({ sandbox: { speed: { callMs: 20 } } });

/** A task still dialling for the whole test: 600 numbers, 3 at a time, 20 ms each. */
const manyPhones = () => Array.from({ length: 600 }, (_, i) => `1390000${String(i).padStart(4, '0')}`);

const CONTROLS = [
	{ operation: 'pause', seed: 0, done: (task: Task) => task.status === 4 },
	{ operation: 'start', seed: 4, done: (task: Task) => task.status === 0 || task.status === 1 },
	{ operation: 'terminate', seed: 0, done: (task: Task) => task.status === 6 },
] as const;

describe.each(['idOnly', 'idOrSn'] as Array<SandboxShapes['taskPkeys']>)('Task control on a tenant whose 5.2 pkeys reading is %s', (reading) => {
	beforeEach(() => (bed.sandbox.shapes.taskPkeys = reading));

	it.each(CONTROLS.flatMap((control) => (['sn', 'id'] as const).map((given) => [control.operation, given, control] as const)))(
		'%s of a task given by its %s takes effect, sent by numeric id',
		async (_operation, given, control) => {
			const task = seedTask(bed.sandbox, { status: control.seed, phones: manyPhones() });
			const value = given === 'sn' ? task.dial_task_main_sn : String(task.dial_task_main_id);
			const result = await bed.run({ resource: 'task', operation: control.operation, task: locator(value, 'id') });
			expect(result.status).toBe('success');
			expect(jsonOf(result.outputs[0])[0]).toMatchObject({ operation: control.operation, success: true });
			expect(control.done(task)).toBe(true);
			expect(bed.sandbox.requestsTo('/api/operateTask').map((entry) => entry.params.pkeys)).toEqual([String(task.dial_task_main_id)]);
		},
	);
});

describe('Task control: a success answer that changed nothing', () => {
	it('is an error naming the task and what to do, with its pairedItem under Continue On Fail', async () => {
		const running = seedTask(bed.sandbox, { status: 0, phones: manyPhones() });
		const paused = seedTask(bed.sandbox, { status: 4, phones: ['13900000001'] });
		// the first 5.2 call is answered code 0 without being applied
		bed.sandbox.injectFault({ path: '/api/operateTask', action: { type: 'code', code: 0, msg: '操作成功' } });
		const result = await bed.run(
			{ resource: 'task', operation: 'pause', task: { __rl: true, mode: 'id', value: '={{ $json.task }}' } },
			[{ task: String(running.dial_task_main_id) }, { task: paused.dial_task_main_sn }],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.status).toBe('success');
		expect(running.status).toBe(0);
		expect(result.outputs[1].map((item) => [item.json.error, item.pairedItem])).toEqual([
			[`Yunke answered success but task ${running.dial_task_main_id} is still dialling`, { item: 0 }],
		]);
		expect(result.outputs[1][0].error?.description).toContain('The task keeps calling people.');
		expect(result.outputs[1][0].error?.description).toContain('Run the node again in a minute');
		expect(jsonOf(result.outputs[0])).toEqual([
			{ dial_task_main_sn: paused.dial_task_main_sn, operation: 'pause', success: true, status: 'paused', message: '操作成功' },
		]);
	});

	it('fails the execution without Continue On Fail', async () => {
		const paused = seedTask(bed.sandbox, { status: 4, phones: ['13900000001'] });
		bed.sandbox.injectFault({ path: '/api/operateTask', action: { type: 'code', code: 0 } });
		const result = await bed.run({ resource: 'task', operation: 'start', task: locator(String(paused.dial_task_main_id), 'id') });
		expect(result.status).toBe('error');
		expect(result.nodeError?.message).toBe(`Yunke answered success but task ${paused.dial_task_main_id} is still paused`);
		expect(paused.status).toBe(4);
	});
});

describe('Task control of a task the task list does not show yet', () => {
	it('is a success that says it could not be confirmed, not a silent one', async () => {
		const task = seedTask(bed.sandbox, { status: 0, phones: manyPhones() });
		task.listedFrom = Date.now() + 60_000; // 5.1 lists a new task late
		const result = await bed.run({ resource: 'task', operation: 'pause', task: locator(String(task.dial_task_main_id), 'id') });
		expect(result.status).toBe('success');
		expect(task.status).toBe(4);
		expect(jsonOf(result.outputs[0])).toEqual([
			{
				dial_task_main_id: task.dial_task_main_id,
				operation: 'pause',
				success: true,
				status: 'unconfirmed',
				message: '操作成功',
				note: 'The task did not show in the task list within 3 seconds, so the change could not be confirmed: check it with Task → Get Many.',
			},
		]);
	});
});

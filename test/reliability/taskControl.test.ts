/**
 * Task control against both readings of 5.2 `pkeys` and against a tenant that answers success without
 * doing anything: every control the node reports as a success must show in the sandbox's state, and
 * every "dialling off" import must leave the task not dialling. A success whose effect did not happen
 * is counted as silent_no_ops (support/reliabilityTally.ts), which must stay 0.
 */
import type { SandboxShapes } from '../../sandbox/readings';
import type { Task } from '../../sandbox/state';
import { createParameters, people } from '../helpers/imports';
import { seedTask } from '../helpers/tasks';
import { jsonOf, yunkeTestBed, type YunkeTestBed } from '../helpers/yunke';
import { count } from './support/reliabilityTally';

let bed: YunkeTestBed;
beforeAll(async () => (bed = await yunkeTestBed()));
afterAll(async () => await bed.close());
beforeEach(() => {
	bed.sandbox.reset();
	bed.coldCredential();
	// slow calls: a dialling task stays dialling for the whole case
	bed.sandbox.speed.callMs = 5000;
});

const phones = Array.from({ length: 12 }, (_, i) => `1370000${String(i).padStart(4, '0')}`);
const CONTROLS = [
	{ operation: 'start', seed: 4, took: (task: Task) => task.status === 0 || task.status === 1 },
	{ operation: 'pause', seed: 0, took: (task: Task) => task.status === 4 },
	{ operation: 'terminate', seed: 0, took: (task: Task) => task.status === 6 },
];
type Given = 'id' | 'sn' | 'id, answered code 0 without effect';
const CASES = (['idOnly', 'idOrSn'] as Array<SandboxShapes['taskPkeys']>).flatMap((reading) =>
	CONTROLS.flatMap((control) => (['id', 'sn', 'id, answered code 0 without effect'] as Given[]).map((given) => [reading, control.operation, given, control] as const)),
);

describe.each(CASES)('pkeys %s: %s of a task given by %s', (reading, operation, given, control) => {
	it('is reported as a success only when the task shows it', async () => {
		bed.sandbox.shapes.taskPkeys = reading;
		const task = seedTask(bed.sandbox, { status: control.seed, phones });
		if (given.includes('code 0')) bed.sandbox.injectFault({ path: '/api/operateTask', action: { type: 'code', code: 0, msg: '操作成功' } });
		const value = given === 'sn' ? task.dial_task_main_sn : String(task.dial_task_main_id);
		const result = await bed.run({ resource: 'task', operation, task: { __rl: true, mode: 'id', value } }, [{}], { onError: 'continueErrorOutput' });
		bed.sandbox.shapes.taskPkeys = 'idOnly';
		const reportedDone = jsonOf(result.outputs[0]).some((json) => json.success === true);
		const silent = reportedDone && !control.took(task) ? 1 : 0;
		count('silent_no_ops', silent, `task status ${task.status} after ${operation} reported as done`);
		expect(silent).toBe(0);
		// what was not done is an error item saying so
		if (!reportedDone) expect(String(result.outputs[1][0].json.error)).toMatch(/^Yunke answered success but task \d+ is still /);
	});
});

describe.each(['on', 'off'] as Array<SandboxShapes['isZidongDefault']>)('a creation with Start Dialling off where a creation without is_zidong dials %s', (reading) => {
	it('leaves the task not dialling', async () => {
		bed.sandbox.shapes.isZidongDefault = reading;
		const result = await bed.run(createParameters(bed.sandbox), people(5));
		bed.sandbox.shapes.isZidongDefault = 'on';
		expect(result.status).toBe('success');
		const [summary] = jsonOf(result.outputs[0]);
		const [task] = bed.sandbox.data.tasks;
		const silent = summary.diallingStarted === false && task.status === 0 ? 1 : 0;
		count('silent_no_ops', silent, 'a task created with Start Dialling off is dialling');
		expect(silent).toBe(0);
		expect(summary.diallingStoppedByNode === true).toBe(reading === 'on');
	});
});

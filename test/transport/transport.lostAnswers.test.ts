/** Writes after a fault: reconciled only when the answer may be lost (transport `answerMayBeLost`), never on a guess. */
import { ENDPOINTS, TASK_STATUS } from '../../nodes/Yunke/shared/contract';
import { seedTask } from '../helpers/tasks';
import { useBed } from '../helpers/bed';

// calls that outlast the test: a task seeded as dialling is still dialling when the pause arrives, however slow the machine
const bed = useBed({ sandbox: { speed: { callMs: 60_000 } } });

const pause = (sn: string) => ({ resource: 'task', operation: 'pause', task: { __rl: true, mode: 'id', value: sn } });
const operateCalls = () => bed.sandbox.requestsTo(ENDPOINTS.taskOperate);

describe('a write turned away or lost', () => {
	it('HTTP 429 reached nothing that applied the write: an error, not a lookup and a second send', async () => {
		const task = seedTask(bed.sandbox, { status: TASK_STATUS.sending, phones: ['13800000001', '13800000002', '13800000003', '13800000004'] });
		bed.sandbox.injectFault({ path: ENDPOINTS.taskOperate, action: { type: 'http', status: 429, body: 'Too Many Requests' } });
		// by ID: an sn would be resolved through the task list first
		const result = await bed.run(pause(String(task.dial_task_main_id)), [{}], { onError: 'continueErrorOutput' });
		expect(result.outputs[1][0].json.error).toBe('The Yunke server answered with an HTTP error 429');
		expect(operateCalls()).toHaveLength(1);
		expect(bed.sandbox.requestsTo(ENDPOINTS.taskList)).toHaveLength(0);
	});

	it('HTTP 503 after the server applied it: settled from the task list, sent once', async () => {
		const task = seedTask(bed.sandbox, { status: TASK_STATUS.sending, phones: ['13800000001', '13800000002', '13800000003', '13800000004'] });
		bed.sandbox.injectFault({ path: ENDPOINTS.taskOperate, phase: 'after', action: { type: 'http', status: 503 } });
		const result = await bed.run(pause(task.dial_task_main_sn));
		expect(result.status).toBe('success');
		expect(operateCalls()).toHaveLength(1);
		expect(task.status).toBe(TASK_STATUS.paused);
	});

	it('Redial Failed (task settings) whose answer was lost is not sent again: a second redial would call people twice', async () => {
		const task = seedTask(bed.sandbox, { status: TASK_STATUS.sent, phones: [] });
		bed.sandbox.injectFault({ path: ENDPOINTS.taskOperate, phase: 'after', action: { type: 'reset' } });
		const result = await bed.run(
			{ resource: 'task', operation: 'redialFailed', task: { __rl: true, mode: 'id', value: task.dial_task_main_sn }, redialMode: 'taskSettings' },
			[{}],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[1][0].json.error).toBe(`The redial of task ${task.dial_task_main_sn} may have been started: Yunke's answer was lost`);
		expect(operateCalls()).toHaveLength(1);
	});
});

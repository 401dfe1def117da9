import { createParameters, importIntoParameters, onlyTask, people } from '../helpers/imports';
import { seedTask } from '../helpers/tasks';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';

// slow calls: a task that starts dialling is still dialling when the node looks
const bed = useBed({ sandbox: { speed: { callMs: 5000 } } });

const pauses = () => bed.sandbox.requestsTo('/api/operateTask').filter((entry) => entry.params.oper === 'stop');

describe('Start Dialling off means off (5.7.2 without is_zidong)', () => {
	it('on a tenant that starts dialling at once, the node pauses the new task by numeric id and says so', async () => {
		const result = await bed.run(createParameters(bed.sandbox), people(6));
		expect(result.status).toBe('success');
		const task = onlyTask(bed.sandbox);
		expect(task.status).toBe(4);
		expect(bed.sandbox.requestsTo('/api/addJson')[0].params.is_zidong).toBeUndefined();
		expect(pauses().map((entry) => entry.params.pkeys)).toEqual([String(task.dial_task_main_id)]);
		const [summary] = jsonOf(result.outputs[0]);
		expect(summary).toMatchObject({ taskCreated: true, diallingStarted: false, diallingStoppedByNode: true });
		expect(summary.diallingNote).toMatch(/^Yunke started dialling the task on its own when it was created \(\d+ numbers called by then\); the node paused it at once\. Start it with Task → Start/);
	});

	it('on a tenant that creates tasks paused, nothing more is sent and the summary adds nothing', async () => {
		bed.sandbox.shapes.isZidongDefault = 'off';
		const result = await bed.run(createParameters(bed.sandbox), people(3));
		expect(result.status).toBe('success');
		expect(onlyTask(bed.sandbox).status).toBe(4);
		expect(pauses()).toEqual([]);
		const [summary] = jsonOf(result.outputs[0]);
		expect(summary.diallingStarted).toBe(false);
		expect(summary).not.toHaveProperty('diallingStoppedByNode');
		expect(summary).not.toHaveProperty('diallingNote');
	});

	it('a background import into a new task is paused before the rows are in', async () => {
		const result = await bed.run(createParameters(bed.sandbox, { options: { importMode: 'async' } }), people(4));
		expect(result.status).toBe('success');
		expect(onlyTask(bed.sandbox).status).toBe(4);
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ diallingStoppedByNode: true, finished: true, counts: { imported: 4 } });
	});

	it('an append into a paused task leaves it paused; into a dialling task it stays dialling, as before', async () => {
		const paused = seedTask(bed.sandbox, { status: 4, phones: ['13900009999'] });
		const first = await bed.run(importIntoParameters(bed.sandbox, paused.dial_task_main_sn), people(2));
		expect(first.status).toBe('success');
		expect(paused.status).toBe(4);
		expect(pauses()).toEqual([]);

		const dialling = seedTask(bed.sandbox, { status: 0, phones: ['13900008888'] });
		const second = await bed.run(importIntoParameters(bed.sandbox, String(dialling.dial_task_main_id)), people(2, 10));
		expect(second.status).toBe('success');
		expect(dialling.status).toBe(0);
		expect(pauses()).toEqual([]);
		expect(jsonOf(second.outputs[0])[0].diallingNote).toBe('The task was already dialling before this import; it was left dialling.');
	});
});

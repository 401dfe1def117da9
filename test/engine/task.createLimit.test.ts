import { LIMITS } from '../../nodes/Yunke/shared/contract';
import { yunkeTestBed, type YunkeTestBed } from '../helpers/yunke';
import { createParameters, importIntoParameters } from '../helpers/imports';
import { seedTask } from '../helpers/tasks';

let bed: YunkeTestBed;
beforeAll(async () => (bed = await yunkeTestBed()));
afterAll(async () => await bed.close());
beforeEach(() => {
	bed.sandbox.reset();
	bed.coldCredential();
});

const people = [{ 姓名: '张三', 电话: '13800138000' }];

describe('code 500 from a task creation', () => {
	it('names the limit of 100 new tasks a day as the likely cause and how to carry on', async () => {
		// the platform counts creations of deleted tasks too, so the node's own pre-check cannot see them
		bed.sandbox.data.tasksCreatedToday = LIMITS.taskCreationsPerDay;
		const result = await bed.run(createParameters(bed.sandbox), people);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('Yunke refused to create the task; the likely cause is the limit of 100 new tasks a day (Yunke code 500)');
		expect(String((result.error as { description?: string }).description)).toContain('Task → Import Data (Into: Existing Task)');
	});

	it('an append refused with 500 keeps the plain server-failure message', async () => {
		const task = seedTask(bed.sandbox, { source: '老任务' });
		bed.sandbox.injectFault({ path: '/api/addJson', action: { type: 'code', code: 500 } });
		const result = await bed.run(importIntoParameters(bed.sandbox, task.dial_task_main_sn), people);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('The Yunke server failed (Yunke code 500)');
		expect(result.error?.message).not.toContain('100 new tasks');
	});
});

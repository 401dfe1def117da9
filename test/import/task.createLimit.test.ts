import { LIMITS } from '../../nodes/Yunke/shared/contract';
import { useBed } from '../helpers/bed';
import { createParameters, importIntoParameters } from '../helpers/imports';
import { seedTask } from '../helpers/tasks';

// a 2 s request timeout: a creation answered 500 is looked for in the task list for 2 s
const bed = useBed({ credential: { timeoutSeconds: 2 } });

const people = [{ 姓名: '张三', 电话: '13800138000' }];

describe('code 500 from a task creation', () => {
	it('is looked for first (500 says nothing about whether the task exists); not found, the error names the daily limit and how to carry on', async () => {
		// the platform counts creations of deleted tasks too, so the node's own pre-check cannot see them
		bed.sandbox.data.tasksCreatedToday = LIMITS.taskCreationsPerDay;
		const result = await bed.run(createParameters(bed.sandbox), people);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('The task "回访九月" may have been created: Yunke answered the creation with a server error (code 500)');
		const description = String((result.error as { description?: string }).description);
		expect(description).toContain("Yunke's message: 今日新建任务次数已达上限(100次),请向已有任务追加号码");
		expect(description).toContain("If Yunke's message names the limit of 100 new tasks a day, no task was created: add the rows to an existing task with Task → Import Data (Into: Existing Task)");
		expect(bed.sandbox.requestsTo('/api/addJson')).toHaveLength(1);
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

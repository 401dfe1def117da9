import type { Sandbox } from '../../sandbox/server';
import type { Task } from '../../sandbox/state';
import { newTask } from '../../sandbox/taskModel';

export interface SeedTask {
	source?: string;
	/** 0 sending (the dialler starts at once), 1 sent, 4 paused (default), 6 terminated */
	status?: number;
	phones?: string[];
	/** index of the seed script (0 房产回访, 1 催缴提醒) and sub-account (0 agent01, 1 agent02) */
	script?: number;
	subAccount?: number;
	createdAt?: string;
}

/** Puts a task straight into the sandbox state (as an import would) and tells the dialler. */
export function seedTask(sandbox: Sandbox, seed: SeedTask = {}): Task {
	const data = sandbox.data;
	const task = newTask(data, sandbox.clock, {
		source: seed.source ?? '测试任务',
		project_sn: data.scripts[seed.script ?? 0].sn,
		ai_user_sn: data.subAccounts[seed.subAccount ?? 0].user_sn,
		status: seed.status ?? 4,
		rows: (seed.phones ?? []).map((phone, index) => ({ phone, name: `客户${index + 1}`, fields: { 姓名: `客户${index + 1}`, 电话: phone } })),
	});
	if (seed.createdAt) task.created_at = seed.createdAt;
	data.tasks.push(task);
	sandbox.events.taskChanged(task.dial_task_main_sn);
	return task;
}

/** Polls until `condition` holds (the dialler works in real time); fails with `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

export const locator = (value: string, mode: 'list' | 'id' = 'list') => ({ __rl: true, mode, value });

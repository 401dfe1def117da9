import { buildCallRecord } from './callRecords';
import type { Sandbox } from './server';
import type { Task } from './state';
import { newTask, taskBySn } from './taskModel';
import { wavTone } from './wav';

const DAY_MS = 24 * 3600_000;

/**
 * Fills `data.records` with `count` calls at once (benchmarks, paging tests), attached to `taskSn` or
 * to a task named 批量生成 on the first script and sub-account. Numbers run 13900000000, …01, …
 * so outcomes follow callOutcome; calls are spread evenly over the last `days` days (so that a
 * client reading "today" only sees a part), the newest now.
 */
export function generateRecords(sandbox: Sandbox, count: number, taskSn?: string, days = 7): { created: number; total: number } {
	const data = sandbox.data;
	const task: Task | undefined = taskSn ? taskBySn(data, taskSn) : bulkTask(sandbox);
	if (!task) throw new Error(`no task ${taskSn}`);
	const recording = wavTone(200);
	const now = sandbox.clock.now().getTime();
	const step = count > 1 ? Math.floor((days * DAY_MS) / count) : 0;
	const offset = data.records.length;
	for (let i = 0; i < count; i++) {
		const phone = `139${String(offset + i).padStart(8, '0')}`;
		const at = new Date(now - (count - 1 - i) * step);
		const record = buildCallRecord(data, sandbox.clock, task, { phone, name: `客户${offset + i}` }, at, { recording });
		data.records.push(record);
	}
	return { created: count, total: data.records.length };
}

function bulkTask(sandbox: Sandbox): Task {
	const data = sandbox.data;
	const existing = data.tasks.find((task) => task.source === BULK_TASK_NAME && !task.deleted);
	if (existing) return existing;
	const task = newTask(data, sandbox.clock, {
		source: BULK_TASK_NAME,
		project_sn: data.scripts[0]?.sn ?? '',
		ai_user_sn: data.subAccounts[0]?.user_sn ?? data.account.userSn,
		status: 1,
	});
	data.tasks.push(task);
	return task;
}

export const BULK_TASK_NAME = '批量生成';

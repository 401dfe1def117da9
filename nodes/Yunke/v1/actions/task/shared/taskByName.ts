import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { CREATION_DATES } from '../../../../shared/contract';
import { formatChinaTime } from '../../../../shared/chinaTime';
import { listAllTasks, type KnownTask } from './taskList';

const DAY_MS = 24 * 3600_000;

/**
 * Import Data into "Task by Name": the name is the user's key for a task, so a task of that name
 * created on an earlier day is that task, not a reason to make another. 5.1 answers today's tasks
 * when no dates are sent, so both reads send a creation range: first the newest window (one request on
 * any tenant, and where a daily or busy name is found), then, only when the name is not there, every
 * date. Two tasks of the name within the range that found it are an error; older ones are not looked at.
 */
export async function findTasksNamed(ctx: IExecuteFunctions, name: string): Promise<KnownTask[]> {
	const newestWindowFrom = formatChinaTime(new Date(Date.now() - (CREATION_DATES.windowDays - 1) * DAY_MS)).slice(0, 10);
	const recent = tasksNamed(await listAllTasks(ctx, 0, undefined, `${newestWindowFrom} 00:00:00`), name);
	return recent.length > 0 ? recent : tasksNamed(await listAllTasks(ctx), name);
}

function tasksNamed(tasks: KnownTask[], name: string): KnownTask[] {
	return tasks.filter((task) => task.name === name);
}

/** Two or more tasks carry the name: the node does not guess which one the rows belong to. */
export function sameNameError(ctx: IExecuteFunctions, name: string, tasks: KnownTask[]): NodeOperationError {
	const listed = tasks.map((task) => `ID ${task.id} (sn ${task.sn}, created ${task.createdAt})`).join(', ');
	return new NodeOperationError(ctx.getNode(), `Task Name: ${tasks.length} tasks are named "${name}" [item 0]`, {
		itemIndex: 0,
		description: `Nothing was sent. The tasks: ${listed}. Rename or delete all but one of them in the Yunke console, or import into one of them with Into: Existing Task.`,
	});
}

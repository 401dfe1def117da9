import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { formatChinaTime } from '../../../../shared/chinaTime';
import { ENDPOINTS, TASK_LIST_ALL_TIME } from '../../../../shared/contract';
import { yunkeApiRequestAllItems } from '../../../transport';

/** A task as the import needs it, read leniently from a 5.1 list row (ids may be text or numbers). */
export interface KnownTask {
	id: string;
	sn: string;
	name: string;
	status: string;
	createdAt: string;
	unsent: number;
}

export async function listAllTasks(ctx: IExecuteFunctions): Promise<KnownTask[]> {
	const rows = await yunkeApiRequestAllItems.call(ctx, { method: 'POST', endpoint: ENDPOINTS.taskList, body: { start_create_at: TASK_LIST_ALL_TIME.from, end_create_at: TASK_LIST_ALL_TIME.to }, itemIndex: 0 });
	return rows.map(toKnownTask);
}

function toKnownTask(row: IDataObject): KnownTask {
	const unsent = Number(row.unsend_count);
	return {
		id: String(row.dial_task_main_id ?? ''),
		sn: String(row.dial_task_main_sn ?? ''),
		name: String(row.source ?? ''),
		status: String(row.status ?? ''),
		createdAt: String(row.created_at ?? ''),
		unsent: Number.isFinite(unsent) ? unsent : 0,
	};
}

/** A task the user named by its id (digits) or its sn. */
export function findTask(tasks: KnownTask[], reference: string): KnownTask | undefined {
	const wanted = reference.trim();
	return tasks.find((task) => task.sn === wanted || task.id === wanted);
}

export function pendingCalls(tasks: KnownTask[]): number {
	return tasks.reduce((sum, task) => sum + task.unsent, 0);
}

export function createdToday(tasks: KnownTask[], now = new Date()): number {
	const today = formatChinaTime(now).slice(0, 10);
	return tasks.filter((task) => task.createdAt.startsWith(today)).length;
}

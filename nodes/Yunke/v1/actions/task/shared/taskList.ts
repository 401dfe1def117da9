import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { formatChinaTime, parseChinaTime } from '../../../../shared/chinaTime';
import { ENDPOINTS } from '../../../../shared/contract';
import { creationRange, yunkeApiRequestAllInRange } from '../../../../transport';

/**
 * "Every task, of all time" from the task list (5.1), the one place it is read: 5.1 has no filter by
 * id, sn or name, so lookups walk its pages over every creation date (in windows, newest first, where
 * the tenant refuses a wide range) until they find their task.
 */

/** A task read leniently from a 5.1 list row (ids may be text or numbers). */
export interface KnownTask {
	id: string;
	sn: string;
	name: string;
	status: string;
	createdAt: string;
	unsent: number;
	row: IDataObject;
}

/** The whole list, or its pages up to the first for which `stopWhen` holds. */
export async function listAllTasks(
	ctx: IExecuteFunctions,
	itemIndex = 0,
	stopWhen?: (task: KnownTask) => boolean,
	createdFrom?: string,
): Promise<KnownTask[]> {
	const { rows } = await yunkeApiRequestAllInRange.call(
		ctx,
		{ method: 'POST', endpoint: ENDPOINTS.taskList, body: {}, itemIndex },
		creationRange(createdFrom, undefined),
		stopWhen ? { stopWhen: (page) => page.items.some((row) => stopWhen(toKnownTask(row))) } : {},
	);
	return rows.map(toKnownTask);
}

/**
 * Tasks a request sent at `sentAt` (China time) may have created: those created since the day before
 * (a server clock behind ours), one request where a walk over every date would take dozens.
 */
export async function listTasksCreatedSince(ctx: IExecuteFunctions, itemIndex: number, sentAt: string, stopWhen?: (task: KnownTask) => boolean): Promise<KnownTask[]> {
	const dayBefore = formatChinaTime(new Date((parseChinaTime(sentAt) ?? new Date()).getTime() - 24 * 3600_000));
	return await listAllTasks(ctx, itemIndex, stopWhen, `${dayBefore.slice(0, 10)} 00:00:00`);
}

/** The first task that matches, reading no further pages than needed. */
export async function findListedTask(
	ctx: IExecuteFunctions,
	itemIndex: number,
	matches: (task: KnownTask) => boolean,
): Promise<KnownTask | undefined> {
	return (await listAllTasks(ctx, itemIndex, matches)).find(matches);
}

/** A task named by its id (digits) or its sn. */
export function isTask(reference: { id?: string; sn?: string }): (task: KnownTask) => boolean {
	return (task) => (reference.id ? task.id === reference.id : task.sn === reference.sn);
}

/** A task the user named by its id or sn, given as one text. */
export function isIdOrSn(reference: string): (task: KnownTask) => boolean {
	const wanted = reference.trim();
	return (task) => task.sn === wanted || task.id === wanted;
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
		row,
	};
}

export function pendingCalls(tasks: KnownTask[]): number {
	return tasks.reduce((sum, task) => sum + task.unsent, 0);
}

export function createdToday(tasks: KnownTask[], now = new Date()): number {
	const today = formatChinaTime(now).slice(0, 10);
	return tasks.filter((task) => task.createdAt.startsWith(today)).length;
}

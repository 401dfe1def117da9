import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { formatChinaTime, parseChinaTime } from '../../../shared/chinaTime';
import { ENDPOINTS, TASK_DETAIL_PHONE } from '../../../shared/contract';
import { creationRange, yunkeApiRequestAllInRange, yunkeApiRequestAllItems } from '../../../transport';
import { normalisePhoneNumber } from '../../helpers/phoneNumber';
import type { KnownTask } from '../task/shared/taskList';

/** Every call of one task, grouped by the number called (in the form the node sends numbers). */
export interface NumberCalls {
	latest: IDataObject;
	attempts: number;
}

/**
 * 6.1 with the task filter over an explicit range: from the day before the task was created (a call
 * is never older than its task; the day before allows for a server clock behind ours) to the end of
 * today. Without dates 6.1 answers today's records only (9.1).
 */
export async function readTaskCalls(ctx: IExecuteFunctions, itemIndex: number, task: KnownTask): Promise<Map<string, NumberCalls>> {
	const created = parseChinaTime(task.createdAt);
	const from = created ? `${formatChinaTime(new Date(created.getTime() - 24 * 3600_000)).slice(0, 10)} 00:00:00` : undefined;
	const { rows } = await yunkeApiRequestAllInRange.call(
		ctx,
		{ method: 'POST', endpoint: ENDPOINTS.callRecordList, body: { dial_task_main_sn: task.sn }, itemIndex },
		creationRange(from, undefined),
	);
	const byNumber = new Map<string, NumberCalls>();
	for (const record of rows) {
		const key = numberKey(record.phone);
		const known = byNumber.get(key);
		if (!known) byNumber.set(key, { latest: record, attempts: 1 });
		else byNumber.set(key, { latest: isLater(record, known.latest) ? record : known.latest, attempts: known.attempts + 1 });
	}
	return byNumber;
}

/** The numbers of the task (5.4's rows), in the form the node sends numbers. */
export async function readTaskNumbers(ctx: IExecuteFunctions, itemIndex: number, task: KnownTask): Promise<Set<string>> {
	const rows = await yunkeApiRequestAllItems.call(ctx, { method: 'POST', endpoint: ENDPOINTS.taskDetails, body: { dial_task_main_id: task.id }, itemIndex });
	return new Set(rows.map((row) => numberKey(row[TASK_DETAIL_PHONE])));
}

/** A stored number as the node would send it; one the node could not send stays as Yunke wrote it. */
function numberKey(phone: unknown): string {
	return normalisePhoneNumber(phone) ?? String(phone ?? '').trim();
}

/** Created later (`Y-m-d H:i:s` sorts as text); within the same second, the larger record id. */
function isLater(record: IDataObject, than: IDataObject): boolean {
	const created = String(record.created_at ?? '');
	const thanCreated = String(than.created_at ?? '');
	if (created !== thanCreated) return created > thanCreated;
	return Number(record.id) > Number(than.id);
}

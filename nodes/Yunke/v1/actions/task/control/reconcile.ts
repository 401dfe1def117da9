import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ENDPOINTS, TASK_LIST_ALL_TIME, TASK_OPERATIONS } from '../../../../shared/contract';
import { yunkeApiRequestAllItems } from '../../../transport';
import type { TaskReference } from './taskReference';
import { statusName } from './taskStatus';

/** How the task list (5.1) shows that a 5.2 verb took effect; a missing task is one that was deleted. */
const APPLIED: Record<string, (task: IDataObject | undefined) => boolean> = {
	[TASK_OPERATIONS.pause]: (task) => statusName(task?.status) === 'paused',
	[TASK_OPERATIONS.resume]: (task) => statusName(task?.status) === 'sending',
	[TASK_OPERATIONS.terminate]: (task) => statusName(task?.status) === 'terminated',
	[TASK_OPERATIONS.delete]: (task) => task === undefined,
};

/**
 * 5.2 after a lost answer: looks the task up and answers for the vendor when the verb shows; otherwise
 * (and for verbs the list cannot confirm, such as redialling, which has nothing left to requeue the
 * second time) the call is sent once more.
 */
export async function findAppliedTaskOperation(
	ctx: IExecuteFunctions,
	itemIndex: number,
	reference: TaskReference,
	oper: string,
): Promise<IDataObject | undefined> {
	const applied = APPLIED[oper];
	if (!applied) return undefined;
	const tasks = await yunkeApiRequestAllItems.call(ctx, {
		method: 'POST',
		endpoint: ENDPOINTS.taskList,
		body: { start_create_at: TASK_LIST_ALL_TIME.from, end_create_at: TASK_LIST_ALL_TIME.to },
		itemIndex,
	});
	const task = tasks.find((entry) =>
		reference.id ? String(entry.dial_task_main_id) === reference.id : entry.dial_task_main_sn === reference.sn,
	);
	return applied(task) ? { code: 0, msg: 'applied (confirmed from the task list after the answer was lost)' } : undefined;
}

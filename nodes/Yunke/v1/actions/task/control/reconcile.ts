import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { TASK_OPERATIONS } from '../../../../shared/contract';
import { findListedTask, isTask, type KnownTask } from '../shared/taskList';
import type { TaskReference } from './taskReference';
import { statusName } from './taskStatus';

/** How the task list (5.1) shows that a 5.2 verb took effect; a missing task is one that was deleted. */
const APPLIED: Record<string, (task: KnownTask | undefined) => boolean> = {
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
	const task = await findListedTask(ctx, itemIndex, isTask(reference));
	return applied(task) ? { code: 0, msg: 'applied (confirmed from the task list after the answer was lost)' } : undefined;
}

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { TASK_OPERATIONS } from '../../../../shared/contract';
import { findListedTask, isTask, type KnownTask } from '../shared/taskList';
import type { TaskReference } from '../shared/taskReference';
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
 * the call is sent once more (pausing, resuming, terminating or deleting twice changes nothing more).
 * Redialling is the exception: the list cannot show it, and a second one would queue again the numbers
 * whose redial failed meanwhile, calling those people twice, so the run stops with an error instead.
 */
export async function findAppliedTaskOperation(
	ctx: IExecuteFunctions,
	itemIndex: number,
	reference: TaskReference,
	oper: string,
): Promise<IDataObject | undefined> {
	if (oper === TASK_OPERATIONS.redialFailed) {
		throw new NodeOperationError(ctx.getNode(), `The redial of task ${reference.given} may have been started: Yunke's answer was lost`, {
			itemIndex,
			description:
				'It was not sent again, as a second redial would call the people whose redial already failed once more. ' +
				'Check with Task → Get Details whether the failed numbers are waiting again before running it again.',
		});
	}
	const applied = APPLIED[oper];
	if (!applied) return undefined;
	const task = await findListedTask(ctx, itemIndex, isTask(reference));
	return applied(task) ? { code: 0, msg: 'applied (confirmed from the task list after the answer was lost)' } : undefined;
}

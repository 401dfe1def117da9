import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { TASK_OPERATIONS } from '../../../../shared/contract';
import { findListedTask, isTask } from '../shared/taskList';
import { TASK_EFFECTS } from './taskEffect';

/**
 * 5.2 after a lost answer: looks the task up and answers for the vendor when the verb shows; otherwise
 * the call is sent once more (pausing, resuming, terminating or deleting twice changes nothing more).
 * Redialling is the exception: the list cannot show it, and a second one would queue again the numbers
 * whose redial failed meanwhile, calling those people twice, so the run stops with an error instead.
 */
export async function findAppliedTaskOperation(
	ctx: IExecuteFunctions,
	itemIndex: number,
	task: { id: string; given: string },
	oper: string,
): Promise<IDataObject | undefined> {
	if (oper === TASK_OPERATIONS.redialFailed) {
		throw new NodeOperationError(ctx.getNode(), `The redial of task ${task.given} may have been started: Yunke's answer was lost`, {
			itemIndex,
			description:
				'It was not sent again, as a second redial would call the people whose redial already failed once more. ' +
				'Check with Task → Get Details whether the failed numbers are waiting again before running it again.',
		});
	}
	const effect = TASK_EFFECTS[oper];
	if (!effect) return undefined;
	const listed = await findListedTask(ctx, itemIndex, isTask({ id: task.id }));
	return effect.shows(listed) ? { code: 0, msg: 'applied (confirmed from the task list after the answer was lost)' } : undefined;
}

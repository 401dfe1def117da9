import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { TASK_OPERATIONS } from '../../../../shared/contract';
import type { Reconciled } from '../../../../transport';
import { findListedTask, isTask } from '../shared/taskList';
import { TASK_EFFECTS } from './taskEffect';

/**
 * 5.2 after a lost answer: looks the task up; when the verb shows, the output's message says it was
 * confirmed that way; otherwise the call is sent once more (pausing, resuming, terminating or deleting twice changes nothing more).
 * Redialling is the exception: the list cannot show it, and a second one would queue again the numbers
 * whose redial failed meanwhile, calling those people twice, so the run stops with an error instead.
 */
export async function findAppliedTaskOperation(
	ctx: IExecuteFunctions,
	itemIndex: number,
	task: { id: string; given: string },
	oper: string,
): Promise<Reconciled<string>> {
	if (oper === TASK_OPERATIONS.redialFailed) {
		const error = new NodeOperationError(ctx.getNode(), `The redial of task ${task.given} may have been started: Yunke's answer was lost`, {
			itemIndex,
			description:
				'It was not sent again, as a second redial would call the people whose redial already failed once more. ' +
				'Check with Task → Get Details whether the failed numbers are waiting again before running it again.',
		});
		return { kind: 'unknown', error };
	}
	const effect = TASK_EFFECTS[oper];
	if (!effect) return { kind: 'sendAgain' };
	const listed = await findListedTask(ctx, itemIndex, isTask({ id: task.id }));
	return effect.shows(listed) ? { kind: 'confirmed', result: 'applied (confirmed from the task list after the answer was lost)' } : { kind: 'sendAgain' };
}

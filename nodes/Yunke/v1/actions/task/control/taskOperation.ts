import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ENDPOINTS, TASK_PROJECT_TYPE, envelopeMessage } from '../../../../shared/contract';
import { yunkeApiWrite } from '../../../../transport';
import { resolveTaskId, type TaskReference } from '../shared/taskReference';
import { findAppliedTaskOperation } from './reconcile';
import { confirmTaskOperation } from './taskEffect';
import { statusName } from '../shared/taskStatus';

export interface TaskOperationResult {
	/** Yunke's message (or, after a lost answer, how the effect was confirmed) */
	message: string;
	/** the status the task list showed once the effect was confirmed (absent after a deletion and for verbs it cannot show) */
	status?: string;
	/** false when the task did not show in the task list at all, so the effect could not be confirmed */
	confirmed: boolean;
}

/**
 * 5.2 operateTask for one task, the one place it is sent (task control and the import's start dialling).
 * `pkeys` always carries the numeric `dial_task_main_id` (an sn is resolved through 5.1): older tenants
 * answer success to an sn and do nothing. The effect is then confirmed from the task's status.
 * A lost answer is settled from the task list.
 */
export async function sendTaskOperation(
	ctx: IExecuteFunctions,
	itemIndex: number,
	reference: TaskReference,
	oper: string,
	extra: IDataObject = {},
): Promise<TaskOperationResult> {
	const taskId = await resolveTaskId(ctx, itemIndex, reference);
	const body: IDataObject = { pkeys: taskId, project_type: TASK_PROJECT_TYPE, oper, ...extra };
	const reconcile = async () => await findAppliedTaskOperation(ctx, itemIndex, { id: taskId, given: reference.given }, oper);
	const message = await yunkeApiWrite(ctx, { method: 'POST', endpoint: ENDPOINTS.taskOperate, body, itemIndex, read: envelopeMessage, reconcile });
	const confirmation = await confirmTaskOperation(ctx, itemIndex, { id: taskId, given: reference.given }, oper);
	if (!confirmation.confirmed) return { message, confirmed: false };
	return { message, status: confirmation.task ? statusName(confirmation.task.status) : undefined, confirmed: true };
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ENDPOINTS, TASK_PROJECT_TYPE } from '../../../../shared/contract';
import { yunkeApiRequest } from '../../../../transport';
import { findAppliedTaskOperation } from './reconcile';
import type { TaskReference } from '../shared/taskReference';

/**
 * 5.2 operateTask for one task, the one place it is sent (task control and the import's start dialling);
 * `pkeys` carries the ID or the sn exactly as given. A lost answer is settled from the task list.
 */
export async function sendTaskOperation(
	ctx: IExecuteFunctions,
	itemIndex: number,
	reference: TaskReference,
	oper: string,
	extra: IDataObject = {},
): Promise<IDataObject> {
	const body: IDataObject = { pkeys: reference.given, project_type: TASK_PROJECT_TYPE, oper, ...extra };
	const reconcile = async () => await findAppliedTaskOperation(ctx, itemIndex, reference, oper);
	return await yunkeApiRequest.call(ctx, { method: 'POST', endpoint: ENDPOINTS.taskOperate, body, itemIndex, reconcile });
}

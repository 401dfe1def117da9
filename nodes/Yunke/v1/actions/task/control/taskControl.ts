import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS, envelopeMessage, TASK_PROJECT_TYPE } from '../../../../shared/contract';
import { extraVendorFields } from '../../../helpers/fields';
import { yunkeApiRequest } from '../../../transport';
import { additionalVendorFields } from '../../common.descriptions';
import { taskLocator } from '../../locators';
import { findAppliedTaskOperation } from './reconcile';
import { readTaskReference, taskKey, type TaskReference } from './taskReference';

/** 5.2 operateTask for one task; `pkeys` carries the ID or the sn exactly as the user gave it. */
export async function operateTask(
	ctx: IExecuteFunctions,
	itemIndex: number,
	oper: string,
): Promise<{ reference: TaskReference; message: string }> {
	const reference = readTaskReference(ctx, itemIndex);
	const extra = extraVendorFields(ctx, itemIndex);
	const body: IDataObject = { pkeys: reference.given, project_type: TASK_PROJECT_TYPE, oper, ...extra };
	const reconcile = async () => await findAppliedTaskOperation(ctx, itemIndex, reference, oper);
	const response = await yunkeApiRequest.call(ctx, { method: 'POST', endpoint: ENDPOINTS.taskOperate, body, itemIndex, reconcile });
	return { reference, message: envelopeMessage(response) };
}

/** Start/Resume, Pause and Terminate: the same call with another verb; the output names what was asked. */
export function taskControlOperation(operation: string, oper: string) {
	const properties: INodeProperties[] = [taskLocator, additionalVendorFields()];
	return {
		description: updateDisplayOptions({ show: { resource: ['task'], operation: [operation] } }, properties),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const { reference, message } = await operateTask(this, itemIndex, oper);
			return { ...taskKey(reference), operation, success: true, message };
		},
	};
}

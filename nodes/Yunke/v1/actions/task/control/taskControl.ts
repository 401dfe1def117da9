import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { extraVendorFields } from '../../../helpers/fields';
import { additionalVendorFields } from '../../common.descriptions';
import { taskLocator } from '../../../../methods/locators';
import { readTaskReference, taskKey, type TaskReference } from '../shared/taskReference';
import { CONFIRM_WAIT_MS } from './taskEffect';
import { sendTaskOperation } from './taskOperation';

/** 5.2 operateTask for the task and extra fields of one item's parameters, its effect confirmed. */
export async function operateTask(
	ctx: IExecuteFunctions,
	itemIndex: number,
	oper: string,
): Promise<{ reference: TaskReference; message: string; status?: string; note?: string }> {
	const reference = readTaskReference(ctx, itemIndex);
	const { message, status, confirmed } = await sendTaskOperation(ctx, itemIndex, reference, oper, extraVendorFields(ctx, itemIndex));
	if (confirmed) return { reference, message, status };
	return { reference, message, status: 'unconfirmed', note: NOT_LISTED };
}

const NOT_LISTED = `The task did not show in the task list within ${CONFIRM_WAIT_MS / 1000} seconds, so the change could not be confirmed: check it with Task → Get Many.`;

/**
 * Start/Resume, Pause and Terminate: the same call with another verb; the output names what was asked
 * and the task's status once it showed the effect.
 */
export function taskControlOperation(operation: string, oper: string) {
	const properties: INodeProperties[] = [taskLocator, additionalVendorFields()];
	return {
		description: updateDisplayOptions({ show: { resource: ['task'], operation: [operation] } }, properties),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const { reference, message, status, note } = await operateTask(this, itemIndex, oper);
			return { ...taskKey(reference), operation, success: true, status, message, ...(note ? { note } : {}) };
		},
	};
}

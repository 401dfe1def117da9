import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { TASK_OPERATIONS } from '../../../shared/contract';
import { additionalVendorFields } from '../common.descriptions';
import { taskLocator } from '../../../methods/locators';
import { operateTask } from './control/taskControl';
import { taskKey } from './shared/taskReference';

const properties: INodeProperties[] = [taskLocator, additionalVendorFields()];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { reference, message } = await operateTask(this, itemIndex, TASK_OPERATIONS.delete);
	return { deleted: true, ...taskKey(reference), message };
}

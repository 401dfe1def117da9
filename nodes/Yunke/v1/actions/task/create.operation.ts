import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runImport } from './import/runImport';
import { importOptions, readImportSettings, rowSourceFields, taskNameField, taskOwnerLocator, templateScriptLocator } from './import/settings';

const properties: INodeProperties[] = [templateScriptLocator, taskOwnerLocator, taskNameField, ...rowSourceFields, ...importOptions()];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['create'] } }, properties);

export const kind = 'batch';

/** One task from the rows of all input items (or Excel files): the first chunk creates it, the others append. */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	return await runImport(this, items, readImportSettings(this, 'new'));
}

import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { taskLocator } from '../../../methods/locators';
import { importIntoTaskByName, taskByNameField, taskByNameOption } from './importIntoTaskByName';
import { runImport } from './import/runImport';
import { importOptions, readImportSettings, rowSourceFields, taskNameField, taskOwnerLocator, templateScriptLocator } from './import/settings';

const properties: INodeProperties[] = [
	{
		displayName: 'Into',
		name: 'into',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Existing Task', value: 'existing', description: 'Add the rows to a task; numbers it already has are skipped' },
			{ name: 'New Task', value: 'new', description: 'Create a task from the rows' },
			taskByNameOption,
		],
		default: 'existing',
	},
	{ ...taskLocator, displayOptions: { show: { into: ['existing'] } } },
	{ ...taskNameField, displayOptions: { show: { into: ['new'] } } },
	taskByNameField,
	templateScriptLocator,
	taskOwnerLocator,
	...rowSourceFields,
	...importOptions(),
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['importData'] } }, properties);

export const kind = 'batch';

/** Rows of all input items (or Excel files) into a new or an existing task, in chunks of at most 30,000. */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const settings = readImportSettings(this, 'fromParameter');
	if (settings.target.kind === 'byName') return await importIntoTaskByName(this, items, settings, settings.target.taskName);
	return await runImport(this, items, settings);
}

import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { taskNameField } from './import/settings';
import { runImport } from './import/runImport';
import type { ImportSettings } from './import/settings';
import { resolveTaskByName, type NamedTask } from './shared/taskNameQueue';

export const taskByNameOption: INodePropertyOptions = {
	name: 'Task by Name (Create If Missing)',
	value: 'byName',
	description:
		'Add the rows to the task with exactly this name, whatever day it was created; the first run creates it with the script, owner and options below, and runs at the same time wait for it',
};

export const taskByNameField: INodeProperties = {
	...taskNameField,
	placeholder: "e.g. Leads{{ $today.toFormat('yyyyMMdd') }}",
	description: 'Name of the task to add to, or to create when no task has it (an expression with the date gives one task a day): Chinese or English letters, digits and parentheses only',
	displayOptions: { show: { into: ['byName'] } },
};

/**
 * Import Data → Into: Task by Name (Create If Missing). The task of that name gets the rows as an
 * existing task would; when there is none, this run creates it with the rows, as Into: New Task does,
 * while every other execution asking for the name waits (shared/taskNameQueue.ts). The summary item
 * says `taskFound` beside the import's `taskCreated`.
 */
export async function importIntoTaskByName(ctx: IExecuteFunctions, items: INodeExecutionData[], settings: ImportSettings, taskName: string): Promise<INodeExecutionData[][]> {
	const resolution = await resolveTaskByName(ctx, taskName);
	if ('found' in resolution) {
		const output = await runImport(ctx, items, { ...settings, target: { kind: 'existing', reference: resolution.found.id } });
		return markFound(output, true);
	}
	let created: NamedTask | undefined;
	try {
		const output = await runImport(ctx, items, {
			...settings,
			target: { kind: 'new', taskName },
			onTaskKnown: (task) => {
				created = task;
				resolution.created(task);
			},
		});
		return markFound(output, false);
	} finally {
		resolution.created(created);
	}
}

/** The summary item is the first of the output unless the run failed before it had one. */
function markFound(output: INodeExecutionData[][], found: boolean): INodeExecutionData[][] {
	const summary = output[0]?.[0];
	if (summary && !summary.error && 'taskCreated' in summary.json) summary.json = { ...summary.json, taskFound: found };
	return output;
}

import type { INodeProperties } from 'n8n-workflow';

import type { YunkeOperation } from '../node.type';
import * as cancelCalls from './cancelCalls.operation';
import * as create from './create.operation';
import * as deleteTask from './delete.operation';
import * as getDetails from './getDetails.operation';
import * as getImportResult from './getImportResult.operation';
import * as getMany from './getMany.operation';
import * as getStoppedDetails from './getStoppedDetails.operation';
import * as importData from './importData.operation';
import * as pause from './pause.operation';
import * as redialFailed from './redialFailed.operation';
import * as start from './start.operation';
import * as stopDetailRows from './stopDetailRows.operation';
import * as terminate from './terminate.operation';

export const operations: Record<string, YunkeOperation> = {
	cancelCalls,
	create,
	delete: deleteTask,
	getDetails,
	getImportResult,
	getMany,
	getStoppedDetails,
	importData,
	pause,
	redialFailed,
	start,
	stopDetailRows,
	terminate,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{
				name: 'Cancel Calls',
				value: 'cancelCalls',
				description: 'Cancel waiting calls of a task, by detail row or by phone number',
				action: 'Cancel waiting calls of a task',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create an outbound task from a script and rows (input items or an Excel file), optionally start dialling',
				action: 'Create a task and import the numbers to call',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a task',
				action: 'Delete a task',
			},
			{
				name: 'Get Details',
				value: 'getDetails',
				description: 'List the numbers of a task with their call state',
				action: 'Get the numbers of a task and their call state',
			},
			{
				name: 'Get Import Result',
				value: 'getImportResult',
				description: 'Read the progress, counts and rejected rows of the imports into a task',
				action: 'Get the import result of a task',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List outbound tasks with their progress',
				action: 'Get many tasks and their progress',
			},
			{
				name: 'Get Stopped Details',
				value: 'getStoppedDetails',
				description: 'List the numbers of a task that were stopped before being dialled',
				action: 'Get the stopped numbers of a task',
			},
			{
				name: 'Import Data',
				value: 'importData',
				description: 'Add rows (input items or an Excel file) to an existing task or a new one, optionally start dialling',
				action: 'Import numbers to call into a task',
			},
			{
				name: 'Pause',
				value: 'pause',
				description: 'Pause dialling; calls in progress finish',
				action: 'Pause a task',
			},
			{
				name: 'Redial Failed',
				value: 'redialFailed',
				description: 'Dial again the numbers whose calls failed, in the same task or a new one',
				action: 'Redial the failed numbers of a task',
			},
			{
				name: 'Start / Resume',
				value: 'start',
				description: 'Start AI outbound calling for a task, or resume a paused task',
				action: 'Start or resume a task',
			},
			{
				name: 'Stop Detail Rows',
				value: 'stopDetailRows',
				description: 'Take numbers that have not been dialled yet out of a task',
				action: 'Stop numbers of a task before they are dialled',
			},
			{
				name: 'Terminate',
				value: 'terminate',
				description: 'End a task for good; it cannot be resumed',
				action: 'Terminate a task for good',
			},
		],
		default: 'getMany',
	},
	...cancelCalls.description,
	...create.description,
	...deleteTask.description,
	...getDetails.description,
	...getImportResult.description,
	...getMany.description,
	...getStoppedDetails.description,
	...importData.description,
	...pause.description,
	...redialFailed.description,
	...start.description,
	...stopDetailRows.description,
	...terminate.description,
];

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { LIMITS, TASK_NAME_PATTERN } from '../../../../shared/contract';
import { scriptLocator, subAccountLocator } from '../../../../methods/locators';
import { extraVendorFields, locatorValue } from '../../../helpers/fields';
import { invalidInput, requireInteger, requireText } from '../../../helpers/validation';
import { additionalVendorFields, collection, optionsField } from '../../common.descriptions';
import { excelSourceField, inputBinaryField } from '../../excel.descriptions';
import { readTaskReference } from '../shared/taskReference';

// Stage 1 of an import (runImport.ts): the parameters Task → Create and Task → Import Data show, and
// reading them once.

/** The task the rows go into, as the parameters name it (send.ts `resolveTarget` finds it in the task list). */
export type TaskTarget = { kind: 'new'; taskName: string } | { kind: 'existing'; reference: string } | { kind: 'byName'; taskName: string };

/** Everything the import reads from the node's parameters; read once (item 0), as the run is one task. */
export interface ImportSettings {
	projectSn: string;
	aiUserSn: string;
	target: TaskTarget;
	dataSource: 'items' | 'excel';
	mappingMode: 'autoMapInputData' | 'defineBelow';
	binaryPropertyName: string;
	chunkSize: number;
	ignoreUnknownFields: boolean;
	mode: 'sync' | 'async';
	waitForImport: boolean;
	waitTimeoutSeconds: number;
	startDialling: boolean;
	checkPendingLimit: boolean;
	extraFields: IDataObject;
	/** called with the task once a batch was taken (Into: Task by Name lets its waiters go on) */
	onTaskKnown?: (task: { id: string; sn: string; name: string }) => void;
}

interface ImportOptionValues {
	chunkSize?: number;
	ignoreUnknownFields?: boolean;
	importMode?: 'sync' | 'async';
	waitForImport?: boolean;
	waitTimeoutSeconds?: number;
	startDialling?: boolean;
	checkPendingLimit?: boolean;
}

/** Task → Create always makes a new task ('new'); Task → Import Data reads its Into parameter. */
export function readImportSettings(ctx: IExecuteFunctions, target: 'new' | 'fromParameter'): ImportSettings {
	const into = target === 'fromParameter' ? (ctx.getNodeParameter('into', 0) as TaskTarget['kind']) : target;
	const options = ctx.getNodeParameter('options', 0, {}) as ImportOptionValues;
	const dataSource = ctx.getNodeParameter('dataSource', 0, 'items') as 'items' | 'excel';
	return {
		projectSn: requireText(ctx, 0, 'Script', locatorValue(ctx, 'script', 0)),
		aiUserSn: requireText(ctx, 0, 'Sub-Account', locatorValue(ctx, 'subAccount', 0)),
		target: into === 'existing' ? { kind: 'existing', reference: readTaskReference(ctx, 0).given } : { kind: into, taskName: readTaskName(ctx) },
		dataSource,
		mappingMode:
			dataSource === 'items' && ctx.getNodeParameter('columns.mappingMode', 0, 'autoMapInputData') === 'defineBelow'
				? 'defineBelow'
				: 'autoMapInputData',
		binaryPropertyName: dataSource === 'excel' ? requireText(ctx, 0, 'Input Binary Field', ctx.getNodeParameter('binaryPropertyName', 0, 'data')) : '',
		chunkSize: requireInteger(ctx, 0, 'Chunk Size', options.chunkSize ?? LIMITS.rowsPerImport, { min: 1, max: LIMITS.rowsPerImport }),
		ignoreUnknownFields: options.ignoreUnknownFields ?? false,
		mode: dataSource === 'excel' ? 'async' : (options.importMode ?? 'sync'),
		waitForImport: options.waitForImport ?? true,
		waitTimeoutSeconds: requireInteger(ctx, 0, 'Wait Timeout (Seconds)', options.waitTimeoutSeconds ?? 300, { min: 1, max: 3600 }),
		startDialling: options.startDialling ?? false,
		checkPendingLimit: options.checkPendingLimit ?? true,
		extraFields: extraVendorFields(ctx, 0, ['project_sn', 'source', 'ai_user_sn', 'upload']),
	};
}

function readTaskName(ctx: IExecuteFunctions): string {
	const name = requireText(ctx, 0, 'Task Name', ctx.getNodeParameter('taskName', 0, ''));
	if (!TASK_NAME_PATTERN.test(name)) {
		throw invalidInput(
			ctx,
			0,
			'Task Name',
			`"${name}" may contain only Chinese or English letters, digits and parentheses`,
			'Remove spaces, dashes, underscores and other symbols, for example 回访2024年9月 or Renewal(Sept)',
		);
	}
	return name;
}

export const templateScriptLocator: INodeProperties = {
	...scriptLocator,
	description: 'The AI call script the task dials with; its import template defines the columns of each row',
};

export const taskOwnerLocator: INodeProperties = {
	...subAccountLocator,
	description: 'The sub-account that owns the task and whose AI seats dial it',
};

export const taskNameField: INodeProperties = {
	displayName: 'Task Name',
	name: 'taskName',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 回访2024年9月',
	description: 'Name of the new task: Chinese or English letters, digits and parentheses only (no spaces)',
};

/** Where the rows come from, and how item fields become template columns. */
export const rowSourceFields: INodeProperties[] = [
	excelSourceField({
		name: 'dataSource',
		displayName: 'Rows From',
		excel: 'Upload the filled import template (xlsx or xls) as it is: the node does not read the file, so its phone numbers reach Yunke unchanged (write them as bare digits such as 13800138000)',
		other: { name: 'Input Items', value: 'items', description: 'One row per input item; phone numbers are sent as bare digits (+86, spaces and dashes removed), and an item repeating an earlier item’s number is not sent' },
	}),
	{
		displayName: 'Columns',
		name: 'columns',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'autoMapInputData', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['script.value'],
			resourceMapper: {
				resourceMapperMethod: 'getTemplateColumns',
				mode: 'add',
				fieldWords: { singular: 'column', plural: 'columns' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
		displayOptions: { show: { dataSource: ['items'] } },
		description:
			'Automatic: item fields named like a template column fill it (姓名, 电话 or *电话; a field named phone fills the phone column); manual: set each column',
	},
	inputBinaryField('The name of the input binary field holding the Excel file; every input item with a file adds its rows', 'dataSource'),
];

/** 300000 → "300,000", as the option texts write the contract's limits. */
function thousands(count: number): string {
	return count.toLocaleString('en-US');
}

export function importOptions(): INodeProperties[] {
	return [
		collection('options', [
			{
				displayName: 'Check Pending Limit First',
				name: 'checkPendingLimit',
				type: 'boolean',
				default: true,
				description: `Whether to read the task list first and stop before sending anything when the numbers waiting to be called plus these rows would exceed ${thousands(LIMITS.pendingCalls)} (rows added to an existing task in one request are left to Yunke, which refuses them whole), or the ${LIMITS.taskCreationsPerDay} new tasks a day are used up`,
			},
			{
				displayName: 'Chunk Size',
				name: 'chunkSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: LIMITS.rowsPerImport },
				default: 30000, // LIMITS.rowsPerImport (the lint rule wants a literal here)
				description: `Rows per request, at most ${thousands(LIMITS.rowsPerImport)}: the first request creates the task, the others add to it`,
			},
			{
				displayName: 'Ignore Unknown Fields',
				name: 'ignoreUnknownFields',
				type: 'boolean',
				default: false,
				description: 'Whether to skip item fields that match no template column instead of stopping with an error',
			},
			optionsField({ displayName: 'Import Mode', name: 'importMode', default: 'sync', description: 'How Yunke imports rows from input items (Excel files are always imported in the background)' }, [
				{ name: 'Background', value: 'async', description: 'Yunke accepts the rows at once and imports them in the background' },
				{ name: 'Synchronous', value: 'sync', description: 'Each request returns after its rows are imported, with the counts' },
			]),
			{
				displayName: 'Start Dialling When Imported',
				name: 'startDialling',
				type: 'boolean',
				default: false,
				description: 'Whether the task starts calling as soon as the rows are in (otherwise it waits paused until Task → Start)',
			},
			{
				displayName: 'Wait for Import to Finish',
				name: 'waitForImport',
				type: 'boolean',
				default: true,
				description: 'Whether to wait for background imports to finish and output their counts and rejected rows',
			},
			{
				displayName: 'Wait Timeout (Seconds)',
				name: 'waitTimeoutSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 3600 },
				default: 300,
				description: 'How long Wait for Import to Finish waits; afterwards the output says the import is still running',
			},
		]),
		additionalVendorFields(),
	];
}

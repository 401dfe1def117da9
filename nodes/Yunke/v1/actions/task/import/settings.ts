import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { LIMITS, TASK_NAME_PATTERN } from '../../../../shared/contract';
import { extraVendorFields, locatorValue } from '../../../helpers/fields';
import { invalidInput, requireInteger, requireText } from '../../../helpers/validation';
import { readTaskReference } from '../shared/taskReference';

export type ImportTarget = { kind: 'new'; taskName: string } | { kind: 'existing'; reference: string } | { kind: 'byName'; taskName: string };

/** Everything the import reads from the node's parameters; read once (item 0), as the run is one task. */
export interface ImportSettings {
	projectSn: string;
	aiUserSn: string;
	target: ImportTarget;
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
	const into = target === 'fromParameter' ? (ctx.getNodeParameter('into', 0) as ImportTarget['kind']) : target;
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

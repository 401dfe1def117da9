import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { LIMITS } from '../../../../shared/contract';
import { createdToday, findByIdOrSn, listAllTasks, pendingCalls, type KnownTask } from '../shared/taskList';
import { rowBatches, type ImportBatch } from './batches';
import { excelBatches } from './excelFiles';
import { readImportResult } from './importResult';
import { mapItemsToRows, type MappedRows } from './rows';
import type { ImportSettings } from './settings';
import { fetchTemplateColumns } from '../../script/importTemplate';

export interface Prepared {
	rows: MappedRows | undefined;
	batches: ImportBatch[];
	invalid: Array<{ itemIndex: number; error: unknown }>;
}

/** What the task list and the target's counts said just before the first request. */
export interface BeforeSending {
	/** sns of every task listed: a creation whose answer is lost is looked for among the others */
	tasksBefore: Set<string>;
	target?: KnownTask;
	/** 5.7.4 of the existing target task */
	baseline?: IDataObject;
}

/** The rows of every item mapped to template columns (or the Excel files), in request-sized batches. */
export async function prepare(ctx: IExecuteFunctions, items: INodeExecutionData[], settings: ImportSettings, continueOnFail: boolean): Promise<Prepared> {
	if (settings.dataSource === 'excel') {
		const { batches, invalid } = await excelBatches(ctx, items, settings.binaryPropertyName, continueOnFail);
		return { rows: undefined, batches, invalid };
	}
	const columns = await fetchTemplateColumns(ctx, settings.projectSn, 0);
	if (columns.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'The script has no import template', {
			description: 'The chosen script defines no import columns. Pick another script or complete its template in the Yunke console.',
			itemIndex: 0,
		});
	}
	const rows = mapItemsToRows(ctx, items, columns, {
		mode: settings.mappingMode,
		ignoreUnknownFields: settings.ignoreUnknownFields,
		continueOnFail,
	});
	return { rows, batches: rowBatches(rows, settings.chunkSize), invalid: rows.invalid };
}

/** One read of the task list (the snapshot, the existing target, the pending-call ceiling, the daily creation limit). */
export async function checkBeforeSending(ctx: IExecuteFunctions, settings: ImportSettings, prepared: Prepared): Promise<BeforeSending> {
	const tasks = await listAllTasks(ctx);
	let target: KnownTask | undefined;
	if (settings.target.kind === 'existing') {
		target = findByIdOrSn(tasks, settings.target.reference);
		if (!target) {
			throw new NodeOperationError(ctx.getNode(), `Task: no task has the ID or sn "${settings.target.reference}" [item 0]`, {
				description: 'Pick the task from the list, or check the ID or sn; the task may have been deleted.',
				itemIndex: 0,
			});
		}
	}
	if (settings.checkPendingLimit) {
		const waiting = pendingCalls(tasks);
		const adding = prepared.rows?.itemIndexes.length ?? 0;
		if (waiting + adding > LIMITS.pendingCalls) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Too many numbers would wait to be called: ${waiting} are waiting and this import adds ${adding}; Yunke allows ${LIMITS.pendingCalls}`,
				{
					description:
						'Nothing was sent. Wait until running tasks have dialled part of their numbers, stop or delete old tasks, or import fewer rows. Turn off the option Check Pending Limit First to let Yunke decide.',
					itemIndex: 0,
				},
			);
		}
		if (settings.target.kind === 'new' && createdToday(tasks) >= LIMITS.taskCreationsPerDay) {
			throw new NodeOperationError(ctx.getNode(), `Yunke allows ${LIMITS.taskCreationsPerDay} new tasks a day and today's are used up`, {
				description: 'Nothing was sent. Add the rows to an existing task with Task → Import Data (Into: Existing Task), or try again tomorrow.',
				itemIndex: 0,
			});
		}
	}
	const baseline = target ? await readImportResult(ctx, target.id) : undefined;
	return { tasksBefore: new Set(tasks.map((task) => task.sn)), target, baseline };
}

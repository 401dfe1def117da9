import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { formatChinaTime } from '../../../../shared/chinaTime';
import { ENDPOINTS, LIMITS, TASK_OPERATIONS, TASK_PROJECT_TYPE } from '../../../../shared/contract';
import { yunkeApiRequest } from '../../../transport';
import { asNodeError, errorItems } from '../../itemErrors';
import { itemRanges, rowBatches, type ImportBatch } from './batches';
import { excelBatches } from './excelFiles';
import { addMarks, englishCounts, readImportMark, rejectedRowsFrom, subtractMarks, type ImportMark } from './importMark';
import { readImportResult, waitForImport } from './importResult';
import { rejectedItems } from './output';
import { mapItemsToRows, type MappedRows } from './rows';
import type { ImportSettings } from './settings';
import { submitBatch, type TaskRef } from './submitBatch';
import { createdToday, findTask, listAllTasks, pendingCalls, type KnownTask } from './taskList';
import { fetchTemplateColumns } from './template';

/** How far back a lost creation may have happened when the task list could not be read first. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

interface Prepared {
	rows: MappedRows | undefined;
	batches: ImportBatch[];
	invalid: Array<{ itemIndex: number; error: unknown }>;
}

/**
 * Task → Create / Import Data: rows from all items (or Excel files) into one task, in chunks.
 * Output: one summary item (paired with every item whose rows were sent), one item per row Yunke
 * rejected (paired with its item); with Continue On Fail, every item not imported as an error item.
 */
export async function runImport(ctx: IExecuteFunctions, items: INodeExecutionData[], settings: ImportSettings): Promise<INodeExecutionData[][]> {
	const continueOnFail = ctx.continueOnFail();
	const prepared = await prepare(ctx, items, settings, continueOnFail);
	const invalidItems = prepared.invalid.flatMap(({ itemIndex, error }) => errorItems(ctx, [itemIndex], error));
	const allRowItems = prepared.batches.flatMap((batch) => batch.itemIndexes);
	if (prepared.batches.length === 0) {
		if (invalidItems.length > 0) return [invalidItems];
		throw new NodeOperationError(ctx.getNode(), 'There is nothing to import', {
			description: settings.dataSource === 'excel' ? 'No input item holds an Excel file.' : 'The node received no input items.',
		});
	}

	let known: { tasks: KnownTask[]; target?: KnownTask } | undefined;
	let baseline: IDataObject | undefined;
	try {
		known = await checkBeforeSending(ctx, settings, prepared);
		if (known?.target && settings.mode === 'async' && settings.waitForImport) baseline = await readImportResult(ctx, known.target.id);
	} catch (error) {
		if (!continueOnFail) throw asNodeError(ctx, error, allRowItems[0]);
		return [[...invalidItems, ...errorItems(ctx, allRowItems, error)]];
	}

	const target = known?.target;
	let task: TaskRef | undefined = target ? { id: target.id, sn: target.sn, name: target.name } : undefined;
	const taskName = settings.target.kind === 'new' ? settings.target.taskName : (target?.name ?? '');
	const submitContext = {
		settings,
		rows: prepared.rows,
		task,
		taskName,
		tasksBefore: known ? new Set(known.tasks.map((entry) => entry.sn)) : undefined,
		startedAt: formatChinaTime(new Date(Date.now() - CLOCK_SKEW_MS)),
	};
	const mark: ImportMark = {};
	const rejected: INodeExecutionData[] = [];
	let sent = 0;
	let failure: unknown;
	let syncCountsComplete = true;
	for (const batch of prepared.batches) {
		try {
			const answer = await submitBatch(ctx, batch, submitContext);
			task = answer.task;
			submitContext.task = task;
			if (settings.mode === 'sync') {
				// a creation found in the task list after a lost answer: the new task holds only this chunk
				const data = answer.data ?? (await readImportResult(ctx, task.id));
				addMarks(mark, readImportMark(data.import_mark));
				if (data.import_mark === undefined) syncCountsComplete = false;
				const positions = batch.kind === 'rows' ? { start: batch.start, end: batch.end } : undefined;
				rejected.push(...rejectedItems(rejectedRowsFrom(data.import_fail_data), prepared.rows, positions, batch.itemIndexes, task));
			}
			sent++;
		} catch (error) {
			failure = error;
			break;
		}
	}

	const sentBatches = prepared.batches.slice(0, sent);
	const sentItems = sentBatches.flatMap((batch) => batch.itemIndexes);
	const notSentItems = prepared.batches.slice(sent).flatMap((batch) => batch.itemIndexes);
	if (failure !== undefined && (!task || sent === 0)) {
		if (!continueOnFail) throw asNodeError(ctx, failure, notSentItems[0]);
		return [[...invalidItems, ...errorItems(ctx, notSentItems, failure)]];
	}
	const importedTask = task as TaskRef;

	let finished = settings.mode === 'sync' && syncCountsComplete;
	let counts: ImportMark | undefined = settings.mode === 'sync' ? mark : undefined;
	if (settings.mode === 'async' && settings.waitForImport) {
		const waited = await waitForImport(ctx, importedTask.id, settings.waitTimeoutSeconds);
		finished = waited.finished;
		if (finished) {
			const before = readImportMark(baseline?.import_mark);
			counts = subtractMarks(readImportMark(waited.result.import_mark), before);
			const newRejections = rejectedRowsFrom(waited.result.import_fail_data).slice(rejectedRowsFrom(baseline?.import_fail_data).length);
			const lastRow = sentBatches.reduce((end, batch) => (batch.kind === 'rows' ? batch.end : end), 0);
			rejected.push(...rejectedItems(newRejections, prepared.rows, { start: 0, end: lastRow }, sentItems, importedTask));
		}
	}

	const createdHere = settings.target.kind === 'new';
	let diallingStarted = createdHere && settings.startDialling;
	if (settings.startDialling && failure === undefined && (!createdHere || sent > 1)) {
		await yunkeApiRequest.call(ctx, {
			method: 'POST',
			endpoint: ENDPOINTS.taskOperate,
			body: { project_type: TASK_PROJECT_TYPE, pkeys: importedTask.id, oper: TASK_OPERATIONS.resume },
			itemIndex: sentItems[0],
		});
		diallingStarted = true;
	}

	const summary: IDataObject = {
		taskId: importedTask.id,
		taskSn: importedTask.sn,
		taskName: importedTask.name,
		taskCreated: createdHere,
		rowsFrom: settings.dataSource === 'excel' ? 'excelFile' : 'inputItems',
		importMode: settings.mode === 'async' ? 'background' : 'synchronous',
		requests: sent,
		...(prepared.rows ? { rowsSent: sentBatches.reduce((sum, batch) => sum + (batch.kind === 'rows' ? batch.end - batch.start : 0), 0) } : {}),
		finished,
		...(counts && finished ? { counts: englishCounts(counts), importMark: counts } : {}),
		rejectedRows: rejected.length,
		diallingStarted,
		importedItems: itemRanges(sentItems),
	};
	if (!finished) {
		summary.note =
			settings.mode === 'async'
				? 'Yunke is still importing in the background: read the counts later with Task → Get Import Result'
				: 'Yunke did not report counts for every request';
	}
	if (prepared.invalid.length > 0) summary.invalidItems = itemRanges(prepared.invalid.map((entry) => entry.itemIndex));
	if (failure !== undefined) {
		const stopped = asNodeError(ctx, failure, notSentItems[0]);
		summary.notImportedItems = itemRanges(notSentItems);
		summary.failure = `Request ${sent + 1} of ${prepared.batches.length} failed: ${stopped.message}`;
		if (!continueOnFail) throw partialFailure(ctx, stopped, summary, notSentItems[0]);
	}
	const summaryItem: INodeExecutionData = { json: summary, pairedItem: sentItems.map((item) => ({ item })) };
	const notImported = failure === undefined ? [] : errorItems(ctx, notSentItems, failure);
	return [[summaryItem, ...rejected, ...invalidItems, ...notImported]];
}

async function prepare(ctx: IExecuteFunctions, items: INodeExecutionData[], settings: ImportSettings, continueOnFail: boolean): Promise<Prepared> {
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

/** One read of the task list: the existing target, the pending-call ceiling and the daily creation limit. */
async function checkBeforeSending(
	ctx: IExecuteFunctions,
	settings: ImportSettings,
	prepared: Prepared,
): Promise<{ tasks: KnownTask[]; target?: KnownTask } | undefined> {
	if (settings.target.kind === 'new' && !settings.checkPendingLimit) return undefined;
	const tasks = await listAllTasks(ctx);
	let target: KnownTask | undefined;
	if (settings.target.kind === 'existing') {
		target = findTask(tasks, settings.target.reference);
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
	return { tasks, target };
}

function partialFailure(ctx: IExecuteFunctions, cause: Error & { description?: string | null }, summary: IDataObject, itemIndex: number): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `The import stopped part-way: ${String(summary.failure)}`, {
		description:
			`Items ${String(summary.importedItems)} were imported into task ${String(summary.taskName)} (ID ${String(summary.taskId)}, sn ${String(summary.taskSn)}); ` +
			`items ${String(summary.notImportedItems)} were not. Fix the cause, then run Task → Import Data into this task with the items not imported ` +
			`(re-sent rows are not dialled twice: Yunke drops numbers the task already has). Cause: ${cause.description ?? cause.message}`,
		itemIndex,
	});
}

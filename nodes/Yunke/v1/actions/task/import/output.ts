import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { repeatedNumberItem } from '../../../helpers/phoneNumber';
import { asNodeError, errorItems, throwUnlessContinuing } from '../../itemErrors';
import { englishCounts, type ImportMark } from './counts';
import type { DiallingOutcome } from './dialling';
import type { ImportBatch, MappedRows } from './rows';
import type { TaskRef } from './send';
import type { ImportSettings } from './settings';

// The last stage of an import (runImport.ts): the summary item, the rejected and repeated rows, and the
// items not imported.

export interface ImportOutcome {
	task: TaskRef;
	batches: ImportBatch[];
	sent: number;
	failure: unknown;
	/** whether the failed request may have been applied (its answer was lost and could not be settled) */
	failureMayHaveLanded: boolean;
	finished: boolean;
	counts: ImportMark | undefined;
	rejected: INodeExecutionData[];
	dialling: DiallingOutcome;
	/** how a creation whose answer was lost (or was code 500) was settled from the task list */
	creationSettled?: string;
	/** items whose rows could not be mapped, and their error items */
	invalid: { itemIndexes: number[]; errorItems: INodeExecutionData[] };
}

/**
 * The summary item (paired with every item whose rows Yunke took), then the rejected rows, the rows not
 * sent for repeating an earlier item's number, and the items not imported.
 */
export function importOutputItems(ctx: IExecuteFunctions, settings: ImportSettings, outcome: ImportOutcome, rows: MappedRows | undefined): INodeExecutionData[] {
	const withRows = rows !== undefined;
	const duplicates = rows?.duplicates ?? [];
	const { task, batches, sent, failure, counts, finished } = outcome;
	const sentBatches = batches.slice(0, sent);
	const sentItems = sentBatches.flatMap((batch) => batch.itemIndexes);
	const summary: IDataObject = {
		taskId: task.id,
		taskSn: task.sn,
		taskName: task.name,
		taskCreated: settings.target.kind === 'new',
		rowsFrom: settings.dataSource === 'excel' ? 'excelFile' : 'inputItems',
		importMode: settings.mode === 'async' ? 'background' : 'synchronous',
		requests: sent,
		...(withRows ? { rowsSent: sentBatches.reduce((sum, batch) => sum + (batch.kind === 'rows' ? batch.end - batch.start : 0), 0) } : {}),
		finished,
		...(counts && finished ? { counts: englishCounts(counts), importMark: counts } : {}),
		rejectedRows: outcome.rejected.length,
		...(withRows ? { duplicateRows: duplicates.length } : {}),
		...outcome.dialling,
		...(outcome.creationSettled ? { creationSettled: outcome.creationSettled } : {}),
		importedItems: itemRanges(sentItems),
	};
	if (!finished) {
		summary.note =
			settings.mode === 'async'
				? 'Yunke is still importing in the background: read the counts later with Task → Get Import Result'
				: 'Yunke did not report counts for every request';
	}
	if (outcome.invalid.itemIndexes.length > 0) summary.invalidItems = itemRanges(outcome.invalid.itemIndexes);
	const notImported = failure === undefined ? [] : failureItems(ctx, summary, outcome);
	const summaryItem: INodeExecutionData = { json: summary, pairedItem: sentItems.map((item) => ({ item })) };
	const duplicateItems = duplicates.map((repeat) => repeatedNumberItem(repeat, { taskId: task.id, taskSn: task.sn }));
	return [summaryItem, ...outcome.rejected, ...duplicateItems, ...outcome.invalid.errorItems, ...notImported];
}

/** Error items for the batch that failed and every batch after it; throws instead without Continue On Fail. */
function failureItems(ctx: IExecuteFunctions, summary: IDataObject, outcome: ImportOutcome): INodeExecutionData[] {
	const { batches, sent, failure } = outcome;
	const failedItems = batches[sent].itemIndexes;
	const laterItems = batches.slice(sent + 1).flatMap((batch) => batch.itemIndexes);
	const uncertain = outcome.failureMayHaveLanded;
	const stopped = asNodeError(ctx, failure, failedItems[0]);
	summary.notImportedItems = itemRanges(uncertain ? laterItems : [...failedItems, ...laterItems]);
	if (uncertain) summary.mayBeImportedItems = itemRanges(failedItems);
	summary.failure = `Request ${sent + 1} of ${batches.length} failed: ${stopped.message}`;
	throwUnlessContinuing(ctx, partialFailure(ctx, stopped, summary, failedItems[0]));
	if (!uncertain) return errorItems(ctx, [...failedItems, ...laterItems], failure);
	const notSent = new NodeOperationError(ctx.getNode(), 'Not sent: the import stopped at an earlier request whose answer was lost', {
		description: `Send these rows with Task → Import Data (Into: Existing Task) into task ${String(summary.taskName)} (ID ${String(summary.taskId)}) once it is clear which rows it holds.`,
	});
	return [...errorItems(ctx, failedItems, failure), ...errorItems(ctx, laterItems, notSent)];
}

function partialFailure(ctx: IExecuteFunctions, cause: Error & { description?: string | null }, summary: IDataObject, itemIndex: number): NodeOperationError {
	const maybe = summary.mayBeImportedItems === undefined ? '' : `items ${String(summary.mayBeImportedItems)} may have been imported (see below); `;
	const notImported = summary.notImportedItems ? `items ${String(summary.notImportedItems)} were not. ` : '';
	return new NodeOperationError(ctx.getNode(), `The import stopped part-way: ${String(summary.failure)}`, {
		description:
			`Items ${String(summary.importedItems)} were imported into task ${String(summary.taskName)} (ID ${String(summary.taskId)}, sn ${String(summary.taskSn)}); ` +
			`${maybe}${notImported}Fix the cause, then run Task → Import Data into this task with the items it lacks. Cause: ${cause.description ?? cause.message}`,
		itemIndex,
	});
}

/** Input item indexes as readable ranges: [0,1,2,5] → "0-2, 5". */
export function itemRanges(itemIndexes: number[]): string {
	const sorted = [...itemIndexes].sort((a, b) => a - b);
	const parts: string[] = [];
	for (let index = 0; index < sorted.length; index++) {
		const from = sorted[index];
		while (index + 1 < sorted.length && sorted[index + 1] === sorted[index] + 1) index++;
		parts.push(from === sorted[index] ? String(from) : `${from}-${sorted[index]}`);
	}
	return parts.join(', ');
}

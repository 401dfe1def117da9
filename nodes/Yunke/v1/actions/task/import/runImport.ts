import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { statusName } from '../shared/taskStatus';
import { failedItems } from '../../itemErrors';
import { backgroundCounts } from './counts';
import { keepDiallingOff, startDialling } from './dialling';
import { importOutputItems } from './output';
import { readImportRows } from './rows';
import { resolveTarget, sendBatches, type ResolvedTarget, type TaskRef } from './send';
import type { ImportSettings } from './settings';

/**
 * Task → Create / Import Data: rows from all items (or Excel files) into one task, in chunks, through the
 * stages settings.ts (read by the operation) → rows.ts → send.ts (lost answers: lostAnswers.ts) →
 * dialling.ts → counts.ts → output.ts.
 * Output: one summary item (paired with every item whose rows were sent), one item per row Yunke
 * rejected and per item not sent for repeating an earlier item's number (each paired with its item); with Continue On Fail, every item not imported as an error item.
 */
export async function runImport(ctx: IExecuteFunctions, items: INodeExecutionData[], settings: ImportSettings): Promise<INodeExecutionData[][]> {
	// 2. rows: mapped to the template and checked, in one batch per request
	const rows = await readImportRows(ctx, items, settings);
	const invalidItems = rows.invalid.map((entry) => entry.errorItem);
	const allRowItems = rows.batches.flatMap((batch) => batch.itemIndexes);
	if (rows.batches.length === 0) {
		if (invalidItems.length > 0) return [invalidItems];
		throw new NodeOperationError(ctx.getNode(), 'There is nothing to import', {
			description: settings.dataSource === 'excel' ? 'No input item holds an Excel file.' : 'The node received no input items.',
		});
	}

	// 3. send: the target resolved in the task list, then the batches in order
	let target: ResolvedTarget;
	try {
		target = await resolveTarget(ctx, settings, rows);
	} catch (error) {
		return [[...invalidItems, ...failedItems(ctx, error, allRowItems)]];
	}
	const sent = await sendBatches(ctx, settings, rows, target);
	const { task, failure } = sent;
	if (failure !== undefined && (!task || sent.sent === 0)) {
		return [[...invalidItems, ...failedItems(ctx, failure, allRowItems)]];
	}
	const importedTask = task as TaskRef;
	const sentBatches = rows.batches.slice(0, sent.sent);
	const firstItem = sentBatches[0].itemIndexes[0];

	// 4. dialling, off: a task Yunke started on its own is paused at once, before the counts are waited for
	const diallingBefore = target.existing !== undefined && statusName(target.existing.status) === 'sending';
	const diallingOff = settings.startDialling ? undefined : await keepDiallingOff(ctx, settings, importedTask, diallingBefore, firstItem);

	// 5. counts: from the synchronous answers, or waited for in the background
	let finished = settings.mode === 'sync' && sent.syncCountsComplete;
	let counts = settings.mode === 'sync' ? sent.mark : undefined;
	const rejected = [...sent.rejected];
	if (settings.mode === 'async') {
		const background = await backgroundCounts(ctx, settings, importedTask, sentBatches, rows.rows, target.baseline);
		({ finished, counts } = background);
		rejected.push(...background.rejected);
	}

	// 4. dialling, on: the task is resumed once the rows are in
	const createdHere = settings.target.kind === 'new';
	const dialling = diallingOff ?? (await startDialling(ctx, importedTask, { createdHere, requestsSent: sent.sent, failed: failure !== undefined }, firstItem));

	// 6. output
	const invalid = { itemIndexes: rows.invalid.map((entry) => entry.itemIndex), errorItems: invalidItems };
	const { creationSettled, failureMayHaveLanded } = sent;
	const outcome = { task: importedTask, batches: rows.batches, sent: sent.sent, failure, failureMayHaveLanded, finished, counts, rejected, dialling, creationSettled, invalid };
	return [importOutputItems(ctx, settings, outcome, rows.rows)];
}

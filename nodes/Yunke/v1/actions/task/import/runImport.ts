import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { statusName } from '../shared/taskStatus';
import { checkBeforeSending, prepare, type BeforeSending } from './beforeSending';
import { backgroundCounts } from './backgroundCounts';
import { keepDiallingOff, startDialling } from './dialling';
import { creationSettlement } from './lostCreation';
import { importOutput } from './importSummary';
import { asNodeError, errorItems } from '../../itemErrors';
import { sendBatches, type SentBatches } from './sendBatches';
import type { ImportSettings } from './settings';

/**
 * Task → Create / Import Data: rows from all items (or Excel files) into one task, in chunks.
 * Output: one summary item (paired with every item whose rows were sent), one item per row Yunke
 * rejected and per item not sent for repeating an earlier item's number (each paired with its item); with Continue On Fail, every item not imported as an error item.
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

	let before: BeforeSending;
	try {
		before = await checkBeforeSending(ctx, settings, prepared);
	} catch (error) {
		if (!continueOnFail) throw asNodeError(ctx, error, allRowItems[0]);
		return [[...invalidItems, ...errorItems(ctx, allRowItems, error)]];
	}

	const sent = await sendBatches(ctx, settings, prepared, before);
	const { task, failure } = sent;
	if (failure !== undefined && (!task || sent.sent === 0)) {
		const notSentItems = prepared.batches.flatMap((batch) => batch.itemIndexes);
		if (!continueOnFail) throw asNodeError(ctx, failure, notSentItems[0]);
		return [[...invalidItems, ...errorItems(ctx, notSentItems, failure)]];
	}
	const importedTask = task as NonNullable<SentBatches['task']>;
	const sentBatches = prepared.batches.slice(0, sent.sent);
	const firstItem = sentBatches[0].itemIndexes[0];
	const diallingOff = settings.startDialling
		? undefined
		: await keepDiallingOff(ctx, settings, importedTask, before.target !== undefined && statusName(before.target.status) === 'sending', firstItem);

	let finished = settings.mode === 'sync' && sent.syncCountsComplete;
	let counts = settings.mode === 'sync' ? sent.mark : undefined;
	const rejected = [...sent.rejected];
	if (settings.mode === 'async') {
		const background = await backgroundCounts(ctx, settings, importedTask, sentBatches, prepared.rows, before.baseline);
		({ finished, counts } = background);
		rejected.push(...background.rejected);
	}

	const dialling =
		diallingOff ??
		(await startDialling(ctx, importedTask, { createdHere: settings.target.kind === 'new', requestsSent: sent.sent, failed: failure !== undefined }, firstItem));
	const output = importOutput(
		ctx,
		settings,
		{ task: importedTask, batches: prepared.batches, sent: sent.sent, failure, finished, counts, rejected, dialling, creationSettled: creationSettlement(ctx), invalid: { itemIndexes: prepared.invalid.map((entry) => entry.itemIndex), errorItems: invalidItems } },
		prepared.rows,
	);
	return [output];
}

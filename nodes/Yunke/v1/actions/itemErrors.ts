import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

/** The errors of every operation, in n8n's error classes, and the Continue-On-Fail items built from them. */
export type NodeError = NodeApiError | NodeOperationError;

/** An error in n8n's classes; one that already is keeps the item it names, anything else is wrapped for this item. */
export function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/** As `asNodeError`, and the error now belongs to this item (an operation run for one item). */
export function withItemIndex(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex = itemIndex;
		return error;
	}
	return asNodeError(ctx, error, itemIndex);
}

/** `{ item }` for one input item, a list for several (an item built from the rows of many). */
export function pairedWith(itemIndexes: number[]): IPairedItemData | IPairedItemData[] {
	return itemIndexes.length === 1 ? { item: itemIndexes[0] } : itemIndexes.map((item) => ({ item }));
}

/** The item n8n routes to the error output (or keeps in the main one) under Continue On Fail. */
export function errorItem(error: NodeError, itemIndexes: number[]): INodeExecutionData {
	return { json: { error: error.message }, error, pairedItem: pairedWith(itemIndexes) };
}

/**
 * An item that failed, under Continue On Fail its error item (paired with every item the failed request
 * was built from); without it the error is thrown, belonging to the first of them.
 */
export function failedItem(ctx: IExecuteFunctions, error: unknown, itemIndexes: number[]): INodeExecutionData {
	const wrapped = withItemIndex(ctx, error, itemIndexes[0]);
	throwUnlessContinuing(ctx, wrapped);
	return errorItem(wrapped, itemIndexes);
}

/**
 * Items that failed together (a setting read once for all of them): under Continue On Fail one error item
 * each, all with the same error; without it the error is thrown. An error already in n8n's classes keeps its item.
 */
export function failedItems(ctx: IExecuteFunctions, error: unknown, itemIndexes: number[]): INodeExecutionData[] {
	const wrapped = asNodeError(ctx, error, itemIndexes[0]);
	throwUnlessContinuing(ctx, wrapped);
	return itemIndexes.map((itemIndex) => errorItem(wrapped, [itemIndex]));
}

/** The one reader of Continue On Fail for every operation. */
export function throwUnlessContinuing(ctx: IExecuteFunctions, error: NodeError): void {
	if (!ctx.continueOnFail()) throw error;
}

/** One error item per input item. */
export function errorItems(ctx: IExecuteFunctions, itemIndexes: number[], error: unknown): INodeExecutionData[] {
	return itemIndexes.map((itemIndex) => errorItem(asNodeError(ctx, error, itemIndex), [itemIndex]));
}

import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { failedItem, failedItems, type NodeError } from './itemErrors';
import type { BatchOperation, BinaryOperation, ItemOperation, YunkeResource } from './node.type';
import { requestsInParallel } from './parallelism';
import { RESOURCES } from './resources';
import { ownEntry } from '../../shared/ownEntry';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as YunkeResource;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = ownEntry(ownEntry(RESOURCES, resource)?.operations ?? {}, operationName);
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not known for resource "${resource}"`);
	}
	if (operation.kind === 'batch') return await runBatch(this, operation, items);
	let inFlight: number;
	try {
		inFlight = requestsInParallel(this, resource, operationName);
	} catch (error) {
		// a run-wide setting: nothing is sent, every item fails with it
		return [failedItems(this, error, allItemIndexes(items))];
	}
	return [await runPerItem(this, operation, items.length, inFlight)];
}

/** A batch operation that fails as a whole (its settings are invalid) fails every item, each paired. */
async function runBatch(ctx: IExecuteFunctions, operation: BatchOperation, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	try {
		return await operation.executeBatch.call(ctx, items);
	} catch (error) {
		// one error for all: it keeps the item its setting was read from (item 0 for run-wide settings)
		return [failedItems(ctx, error, allItemIndexes(items))];
	}
}

/**
 * Items start in input order, at most `inFlight` at once (1: one after another); the output keeps the
 * input order whatever order the answers come in. Without Continue On Fail no item after a failed one
 * starts, the items already in flight finish, and the node fails with the error of the first failed item.
 */
async function runPerItem(
	ctx: IExecuteFunctions,
	operation: ItemOperation | BinaryOperation,
	itemCount: number,
	inFlight: number,
): Promise<INodeExecutionData[]> {
	const outputs: INodeExecutionData[][] = new Array(itemCount);
	let next = 0;
	let end = itemCount;
	let firstFailure: { itemIndex: number; error: NodeError } | undefined;
	const lane = async () => {
		while (next < end) {
			const itemIndex = next++;
			try {
				outputs[itemIndex] = await runItem(ctx, operation, itemIndex);
			} catch (error) {
				try {
					outputs[itemIndex] = [failedItem(ctx, error, [itemIndex])];
				} catch (stopping) {
					end = Math.min(end, itemIndex);
					if (!firstFailure || itemIndex < firstFailure.itemIndex) firstFailure = { itemIndex, error: stopping as NodeError };
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(inFlight, itemCount) }, lane));
	if (firstFailure) throw firstFailure.error;
	return outputs.flat();
}

async function runItem(ctx: IExecuteFunctions, operation: ItemOperation | BinaryOperation, itemIndex: number): Promise<INodeExecutionData[]> {
	const pairedItem = { item: itemIndex };
	if (operation.kind === 'binary') return (await operation.execute.call(ctx, itemIndex)).map((item) => ({ ...item, pairedItem }));
	const result = await operation.execute.call(ctx, itemIndex);
	// not n8n's returnJsonArray: it would take a record's own `json` field for the item
	return (Array.isArray(result) ? result : [result]).map((json) => ({ json, pairedItem }));
}

const allItemIndexes = (items: INodeExecutionData[]) => items.map((_item, itemIndex) => itemIndex);

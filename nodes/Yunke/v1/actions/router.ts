import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorItem, withItemIndex } from './itemErrors';
import type { BatchOperation, BinaryOperation, ItemOperation, YunkeResource } from './node.type';
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
	return [await runPerItem(this, operation, items)];
}

/** A batch operation that fails as a whole (its settings are invalid) fails every item, each paired. */
async function runBatch(ctx: IExecuteFunctions, operation: BatchOperation, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	try {
		return await operation.executeBatch.call(ctx, items);
	} catch (error) {
		// one error for all: it keeps the item its setting was read from (item 0 for run-wide settings)
		const wrapped = asNodeError(ctx, error, 0);
		if (!ctx.continueOnFail()) throw wrapped;
		return [items.map((_item, itemIndex) => errorItem(wrapped, [itemIndex]))];
	}
}

async function runPerItem(ctx: IExecuteFunctions, operation: ItemOperation | BinaryOperation, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const pairedItem = { item: itemIndex };
			if (operation.kind === 'binary') {
				for (const item of await operation.execute.call(ctx, itemIndex)) output.push({ ...item, pairedItem });
				continue;
			}
			const result = await operation.execute.call(ctx, itemIndex);
			// not n8n's returnJsonArray: it would take a record's own `json` field for the item
			for (const json of Array.isArray(result) ? result : [result]) output.push({ json, pairedItem });
		} catch (error) {
			const wrapped = withItemIndex(ctx, error, itemIndex);
			if (!ctx.continueOnFail()) throw wrapped;
			output.push(errorItem(wrapped, [itemIndex]));
		}
	}
	return output;
}

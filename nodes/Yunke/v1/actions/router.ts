import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { BatchOperation, ItemOperation, OperationResult, YunkeResource } from './node.type';
import { RESOURCES } from './resources';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as YunkeResource;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = RESOURCES[resource]?.operations[operationName];
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
		const wrapped = error instanceof NodeApiError || error instanceof NodeOperationError ? error : withItemIndex(ctx, error, 0);
		if (!ctx.continueOnFail()) throw wrapped;
		return [items.map((_item, itemIndex) => ({ json: { error: wrapped.message }, error: wrapped, pairedItem: { item: itemIndex } }))];
	}
}

async function runPerItem(
	ctx: IExecuteFunctions,
	operation: ItemOperation,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await operation.execute.call(ctx, itemIndex);
			for (const item of toItems(ctx, result, itemIndex)) output.push(item);
		} catch (error) {
			const wrapped = withItemIndex(ctx, error, itemIndex);
			if (!ctx.continueOnFail()) throw wrapped;
			output.push({ json: { error: wrapped.message }, error: wrapped, pairedItem: { item: itemIndex } });
		}
	}
	return output;
}

function toItems(ctx: IExecuteFunctions, result: OperationResult, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	const isFullItems = list.length > 0 && list.every((entry) => isExecutionData(entry));
	if (isFullItems) {
		return (list as INodeExecutionData[]).map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
	}
	return ctx.helpers.constructExecutionMetaData(ctx.helpers.returnJsonArray(list as IDataObject[]), {
		itemData: { item: itemIndex },
	});
}

function isExecutionData(entry: unknown): entry is INodeExecutionData {
	if (!entry || typeof entry !== 'object') return false;
	const keys = Object.keys(entry);
	return 'json' in entry && keys.every((key) => ['json', 'binary', 'pairedItem'].includes(key));
}

/** Every error leaves with the item it belongs to, in n8n's error classes. */
export function withItemIndex(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

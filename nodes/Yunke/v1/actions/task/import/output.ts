import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { rejectionReason } from './importMark';
import type { MappedRows } from './rows';

/** Continue On Fail: one error item per input item, in the shape n8n routes to the error output. */
export function errorItems(ctx: IExecuteFunctions, itemIndexes: number[], error: unknown): INodeExecutionData[] {
	return itemIndexes.map((itemIndex) => {
		const wrapped = asNodeError(ctx, error, itemIndex);
		return { json: { error: wrapped.message }, error: wrapped, pairedItem: { item: itemIndex } };
	});
}

/** n8n's error classes keep the item they belong to (the router does the same for per-item operations). */
export function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * One item per row Yunke rejected, paired with the input item it came from: rows are matched by
 * their phone number among the rows sent; rows that cannot be matched pair with every item sent.
 */
export function rejectedItems(
	rejected: IDataObject[],
	rows: MappedRows | undefined,
	sentPositions: { start: number; end: number } | undefined,
	fallbackItems: number[],
	task: { id: string; sn: string },
): INodeExecutionData[] {
	if (rejected.length === 0) return [];
	const byPhone = rows && sentPositions ? phoneIndex(rows, sentPositions) : new Map<string, number[]>();
	const phoneKeys = rows ? rows.columns.filter((column) => column.isPhone).flatMap((column) => [column.name, column.key]) : [];
	return rejected.map((row) => {
		const phone = phoneKeys.map((key) => String(row[key] ?? '').trim()).find((value) => value !== '') ?? '';
		const itemIndex = byPhone.get(phone)?.shift();
		return {
			json: { rejected: true, reason: rejectionReason(row), row, taskId: task.id, taskSn: task.sn },
			pairedItem: itemIndex === undefined ? fallbackItems.map((item) => ({ item })) : { item: itemIndex },
		};
	});
}

function phoneIndex(rows: MappedRows, { start, end }: { start: number; end: number }): Map<string, number[]> {
	const index = new Map<string, number[]>();
	for (let position = start; position < end; position++) {
		for (const phone of rows.phones[position].split(',')) {
			if (!phone) continue;
			const list = index.get(phone) ?? [];
			list.push(rows.itemIndexes[position]);
			index.set(phone, list);
		}
	}
	return index;
}

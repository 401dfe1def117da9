import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { rejectionReason } from './counts';
import type { MappedRows } from './rows';

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

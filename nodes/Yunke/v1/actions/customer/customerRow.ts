import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CUSTOMER_COLUMNS, PHONE_COLUMN_PATTERN } from '../../../shared/contract';
import { invalidInput, requirePhone } from '../../helpers/validation';

const NAME_KEY = /^(name|姓名)$/i;

/**
 * One CRM row from one input item: the item's own fields or the mapped columns. The phone column
 * (any name with 电话, 手机 or phone) is checked and sent as 电话, a `name` field as 姓名.
 */
export function readCustomerRow(ctx: IExecuteFunctions, itemIndex: number): Record<string, string> {
	const mode = ctx.getNodeParameter('columnMode', itemIndex) as 'item' | 'mapped';
	const source: IDataObject =
		mode === 'item'
			? ctx.getInputData()[itemIndex].json
			: (Object.fromEntries(
					((ctx.getNodeParameter('columns.column', itemIndex, []) as Array<{ name: string; value: unknown }>) ?? [])
						.filter((column) => String(column.name ?? '').trim() !== '')
						.map((column) => [String(column.name).trim(), column.value]),
				) as IDataObject);
	const phoneKeys = Object.keys(source).filter((key) => PHONE_COLUMN_PATTERN.test(key));
	if (phoneKeys.length !== 1) {
		throw invalidInput(
			ctx,
			itemIndex,
			mode === 'item' ? 'Input Item' : 'Columns',
			phoneKeys.length === 0 ? 'has no phone column' : `has several phone columns (${phoneKeys.join(', ')})`,
			'Give each customer exactly one field whose name contains 电话, 手机 or phone, for example {"电话": "13800138000", "姓名": "张三"}',
		);
	}
	const row: Record<string, string> = { [CUSTOMER_COLUMNS.phone]: requirePhone(ctx, itemIndex, phoneKeys[0], source[phoneKeys[0]]) };
	for (const [key, value] of Object.entries(source)) {
		if (key === phoneKeys[0] || value === undefined || value === null) continue;
		const column = NAME_KEY.test(key) ? CUSTOMER_COLUMNS.name : key;
		row[column] = typeof value === 'object' ? JSON.stringify(value) : String(value);
	}
	return row;
}

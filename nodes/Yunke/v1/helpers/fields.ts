import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidInput, requireInteger } from './validation';

/**
 * Keys the node sets on every request or owns for the operation, with what to use instead: an extra
 * field may add what the node does not know, never replace the session, the task or the rows.
 */
const NODE_OWNED_KEYS: Record<string, string> = {
	api_key: 'the credential signs every request with its own session',
	apikey: 'the credential signs every request with its own session',
	user_sn: 'the credential signs every request with its own session',
	url: 'the credential signs every request with its own session',
	pkeys: 'pick the task with the Task field',
	dial_task_main_sn: 'pick the task with the Task field (or the Task filter)',
	dial_task_main_id: 'pick the task with the Task field',
	is_zidong: 'use the option Start Dialling',
	client_info_json: 'the rows come from the input items or the Excel file',
	add_json: 'the rows come from the input items',
};

/**
 * The "Extra Vendor Fields (JSON)" parameter as an object, or a clear error naming the item: not JSON,
 * not an object, or a key the node owns — always (`NODE_OWNED_KEYS`) or in this operation (`operationKeys`,
 * the keys it sets itself). Read before anything is sent.
 */
export function extraVendorFields(ctx: IExecuteFunctions, itemIndex: number, operationKeys: readonly string[] = []): IDataObject {
	const raw: unknown = ctx.getNodeParameter('extraFields', itemIndex, {});
	if (raw === undefined || raw === null || raw === '') return {};
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw) as unknown;
		} catch {
			throw invalidInput(ctx, itemIndex, 'Extra Vendor Fields (JSON)', 'is not valid JSON', 'Enter a JSON object such as {"remark": "VIP"}, or {} for none');
		}
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw invalidInput(ctx, itemIndex, 'Extra Vendor Fields (JSON)', 'must be a JSON object', 'Enter a JSON object such as {"remark": "VIP"}, or {} for none');
	}
	for (const key of Object.keys(value)) {
		const instead = NODE_OWNED_KEYS[key] ?? (operationKeys.includes(key) ? 'set it with the node’s own field for it' : undefined);
		if (instead !== undefined) {
			throw invalidInput(ctx, itemIndex, 'Extra Vendor Fields (JSON)', `"${key}" is set by the node and cannot be overridden`, `Remove "${key}" from Extra Vendor Fields: ${instead}`);
		}
	}
	return value as IDataObject;
}

/** Keeps the named keys of a record: the Simplify output for records with many vendor fields. */
export function pick(record: IDataObject, keys: readonly string[]): IDataObject {
	const out: IDataObject = {};
	for (const key of keys) if (record[key] !== undefined) out[key] = record[key];
	return out;
}

/** The value of a resource locator parameter (list, ID or URL mode) as plain text. */
export function locatorValue(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	return String(ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '').trim();
}

/**
 * A picker inside a Filters collection, where `extractValue` does not reach: it arrives as `{ __rl, mode, value }`
 * (or plain text from an expression). Undefined when the filter was not added; an error when added but left empty.
 */
export function readFilterLocator(ctx: IExecuteFunctions, itemIndex: number, filters: IDataObject, key: string, label: string): string | undefined {
	const raw = filters[key];
	if (raw === undefined) return undefined;
	const value = String((raw && typeof raw === 'object' ? (raw as IDataObject).value : raw) ?? '').trim();
	if (!value) throw invalidInput(ctx, itemIndex, `Filters → ${label}`, 'is empty', 'Pick a value from the list or enter its sn, or remove the filter');
	return value;
}

/**
 * The Return All / Limit pair of `paginationFields()`: undefined means every row. An expression can
 * give Limit any value, so anything but a positive whole number is an error naming the item.
 */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex) as boolean;
	if (returnAll) return undefined;
	return requireInteger(ctx, itemIndex, 'Limit', ctx.getNodeParameter('limit', itemIndex), { min: 1 });
}

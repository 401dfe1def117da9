import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { toChinaTime } from '../../shared/chinaTime';
import { normalisePhoneNumber, PHONE_NUMBER_HELP } from './phoneNumber';

/**
 * Input checks that run before anything is sent. Every failure names the item and the field and
 * says how to fix it; n8n shows the item number from `itemIndex`.
 */
export function invalidInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	problem: string,
	fix: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${field}: ${problem} [item ${itemIndex}]`, {
		itemIndex,
		description: fix,
	});
}

/** A number the node is about to send, in the form Yunke stores it (`phoneNumber.ts`), or an error naming item and field. */
export function requirePhone(ctx: IExecuteFunctions, itemIndex: number, field: string, raw: unknown): string {
	const phone = normalisePhoneNumber(raw);
	if (!phone) throw invalidInput(ctx, itemIndex, field, `"${String(raw ?? '')}" is not a phone number`, PHONE_NUMBER_HELP);
	return phone;
}

export function requireText(ctx: IExecuteFunctions, itemIndex: number, field: string, raw: unknown): string {
	const text = String(raw ?? '').trim();
	if (!text) throw invalidInput(ctx, itemIndex, field, 'is empty', `Enter a value for ${field}`);
	return text;
}

export function requireAlphanumeric(ctx: IExecuteFunctions, itemIndex: number, field: string, raw: unknown): string {
	const text = requireText(ctx, itemIndex, field, raw);
	if (!/^[A-Za-z0-9]+$/.test(text)) {
		throw invalidInput(ctx, itemIndex, field, `"${text}" may contain only letters and digits`, `Remove spaces, dashes and other symbols from ${field}`);
	}
	return text;
}

export function requireInteger(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	raw: unknown,
	{ min, max }: { min?: number; max?: number } = {},
): number {
	const number = typeof raw === 'number' ? raw : Number(String(raw ?? '').trim());
	const inRange = Number.isInteger(number) && (min === undefined || number >= min) && (max === undefined || number <= max);
	if (String(raw ?? '').trim() === '' || !inRange) {
		const range = [min !== undefined ? `at least ${min}` : '', max !== undefined ? `at most ${max}` : ''].filter(Boolean).join(' and ');
		throw invalidInput(ctx, itemIndex, field, `"${String(raw ?? '')}" is not a whole number${range ? ` ${range}` : ''}`, `Enter a whole number${range ? ` ${range}` : ''}`);
	}
	return number;
}

/** A date the user typed or mapped, as Yunke's `Y-m-d H:i:s` China time. */
export function requireDate(ctx: IExecuteFunctions, itemIndex: number, field: string, raw: unknown): string {
	const text = toChinaTime(raw);
	if (!text) {
		throw invalidInput(
			ctx,
			itemIndex,
			field,
			`"${String(raw ?? '')}" is not a date`,
			'Use an ISO date such as 2024-09-24T09:30:00+08:00 or the Yunke form 2024-09-24 09:30:00 (China time)',
		);
	}
	return text;
}

export function requireDateRange(
	ctx: IExecuteFunctions,
	itemIndex: number,
	[fromField, fromRaw]: [string, unknown],
	[toField, toRaw]: [string, unknown],
): { from?: string; to?: string } {
	const from = isBlank(fromRaw) ? undefined : requireDate(ctx, itemIndex, fromField, fromRaw);
	const to = isBlank(toRaw) ? undefined : requireDate(ctx, itemIndex, toField, toRaw);
	if (from && to && from > to) {
		throw invalidInput(ctx, itemIndex, toField, `${to} is before ${fromField} ${from}`, `Set ${toField} to a time after ${fromField}`);
	}
	return { from, to };
}

export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

import type { IExecuteFunctions } from 'n8n-workflow';

import { splitList } from '../../helpers/lists';
import { invalidInput, requirePhone } from '../../helpers/validation';

/** A comma list (or array) of phone numbers, each checked and in Yunke's form, each once; never empty. */
export function readPhoneList(ctx: IExecuteFunctions, itemIndex: number, field: string, raw: unknown): string[] {
	const phones = splitList(raw);
	if (phones.length === 0) throw invalidInput(ctx, itemIndex, field, 'is empty', `Enter at least one phone number in ${field}`);
	return [...new Set(phones.map((phone) => requirePhone(ctx, itemIndex, field, phone)))];
}

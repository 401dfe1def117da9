import type { IExecuteFunctions } from 'n8n-workflow';

import { splitList } from '../../helpers/lists';
import { invalidInput, requirePhone } from '../../helpers/validation';

/** A comma list (or array) of phone numbers, each checked; never empty. */
export function readPhoneList(ctx: IExecuteFunctions, itemIndex: number, field: string, raw: unknown): string[] {
	const phones = splitList(raw);
	if (phones.length === 0) throw invalidInput(ctx, itemIndex, field, 'is empty', `Enter at least one phone number in ${field}`);
	return phones.map((phone) => requirePhone(ctx, itemIndex, field, phone));
}

/** Sub-account sns (`SYSUSER|…`), one or a comma list, as the CRM calls take them. */
export function readAccountSns(ctx: IExecuteFunctions, itemIndex: number, field: string, raw: unknown): string[] {
	const sns = splitList(raw);
	if (sns.length === 0) throw invalidInput(ctx, itemIndex, field, 'is empty', `Pick a sub-account in ${field}, or enter its user_sn`);
	const bad = sns.find((sn) => /\s/.test(sn));
	if (bad !== undefined) {
		throw invalidInput(ctx, itemIndex, field, `"${bad}" is not a sub-account sn`, 'Use the user_sn of a sub-account (SYSUSER|…), several separated by commas');
	}
	return sns;
}

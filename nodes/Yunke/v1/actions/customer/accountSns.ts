import type { IExecuteFunctions } from 'n8n-workflow';

import { splitList } from '../../helpers/lists';
import { invalidInput } from '../../helpers/validation';

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

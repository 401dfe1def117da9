import type { IExecuteFunctions } from 'n8n-workflow';

import { splitList } from '../../helpers/lists';
import { invalidInput } from '../../helpers/validation';

/** List entry IDs (8.2, 8.3) as the vendor's `ids_json` strings; `optional` allows an empty list. */
export function readIdList(ctx: IExecuteFunctions, itemIndex: number, field: string, raw: unknown, optional = false): string[] {
	const ids = splitList(raw);
	if (ids.length === 0 && !optional) throw invalidInput(ctx, itemIndex, field, 'is empty', `Enter at least one ID in ${field}`);
	const bad = ids.find((id) => !/^\d+$/.test(id));
	if (bad !== undefined) throw invalidInput(ctx, itemIndex, field, `"${bad}" is not an entry ID`, 'Use the numeric IDs that Do-Not-Disturb → Get Many returns, separated by commas');
	return ids;
}

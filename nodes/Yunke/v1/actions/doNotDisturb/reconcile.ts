import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { yunkeApiRequestAllItems } from '../../../transport';

/**
 * 8.4 for one number after a lost answer: the number was added when the list (8.1, no filter) holds it.
 * Otherwise it is sent once more; the platform counts an already listed number as `repeat`.
 */
export async function findListedNumber(ctx: IExecuteFunctions, itemIndex: number, phone: string): Promise<IDataObject | undefined> {
	const entries = await yunkeApiRequestAllItems.call(ctx, { method: 'POST', endpoint: ENDPOINTS.dndList, body: {}, itemIndex });
	const listed = entries.some((entry) => String(entry.phone) === phone);
	return listed ? { code: 0, msg: 'applied (confirmed from the list after the answer was lost)', data: { success: 1, fail: 0, repeat: 0 } } : undefined;
}

/**
 * 8.2 after a lost answer: the removal was applied when none of the IDs or numbers is listed any
 * more (sending it again would find nothing and report the entries as not found).
 */
export async function findRemovedEntries(
	ctx: IExecuteFunctions,
	itemIndex: number,
	key: 'id' | 'phone',
	targets: string[],
): Promise<IDataObject | undefined> {
	const entries = await yunkeApiRequestAllItems.call(ctx, { method: 'POST', endpoint: ENDPOINTS.dndList, body: {}, itemIndex });
	const listed = new Set(entries.map((entry) => String(entry[key])));
	if (targets.some((target) => listed.has(target))) return undefined;
	return { code: 0, msg: 'applied (confirmed from the list after the answer was lost)', success: targets.length, fail: 0 };
}

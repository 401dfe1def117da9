import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { yunkeApiRequestAllItems, type Reconciled } from '../../../transport';

/**
 * 8.4 for one number after a lost answer: the number was added (the counts Do-Not-Disturb → Add outputs) when the list (8.1, no filter) holds it.
 * Otherwise it is sent once more; the platform counts an already listed number as `repeat`.
 */
export async function findListedNumber(ctx: IExecuteFunctions, itemIndex: number, phone: string): Promise<Reconciled<IDataObject>> {
	const entries = await yunkeApiRequestAllItems.call(ctx, { method: 'POST', endpoint: ENDPOINTS.dndList, body: {}, itemIndex });
	const listed = entries.some((entry) => String(entry.phone) === phone);
	return listed ? { kind: 'confirmed', result: { added: 1, failed: 0, alreadyListed: 0 } } : { kind: 'sendAgain' };
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
): Promise<Reconciled<{ removed: number; notFound: number }>> {
	const entries = await yunkeApiRequestAllItems.call(ctx, { method: 'POST', endpoint: ENDPOINTS.dndList, body: {}, itemIndex });
	const listed = new Set(entries.map((entry) => String(entry[key])));
	if (targets.some((target) => listed.has(target))) return { kind: 'sendAgain' };
	return { kind: 'confirmed', result: { removed: targets.length, notFound: 0 } };
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { yunkeApiRequestAllItems } from '../../transport';

/**
 * 8.4 for one number after a lost answer: the number was added when the list (8.1, no filter) holds it.
 * Otherwise it is sent once more; the platform counts an already listed number as `repeat`.
 */
export async function findListedNumber(ctx: IExecuteFunctions, itemIndex: number, phone: string): Promise<IDataObject | undefined> {
	const entries = await yunkeApiRequestAllItems.call(ctx, { method: 'POST', endpoint: ENDPOINTS.dndList, body: {}, itemIndex });
	const listed = entries.some((entry) => String(entry.phone) === phone);
	return listed ? { code: 0, msg: 'applied (confirmed from the list after the answer was lost)', data: { success: 1, fail: 0, repeat: 0 } } : undefined;
}

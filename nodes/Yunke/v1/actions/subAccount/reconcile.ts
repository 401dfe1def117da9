import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ENDPOINTS, EXTENSION_FIELDS } from '../../../shared/contract';
import { yunkeApiRequestAllItems } from '../../../transport';

/** Answers that stand in for the vendor's lost answer once the list shows the write was applied. */
const APPLIED_MESSAGE = 'applied (confirmed from the sub-account list after the answer was lost)';

async function accountsNamed(ctx: IExecuteFunctions, itemIndex: number, username: string): Promise<IDataObject[]> {
	const rows = await yunkeApiRequestAllItems.call(ctx, {
		method: 'POST',
		endpoint: ENDPOINTS.subAccountList,
		body: { user_name: username },
		itemIndex,
	});
	return rows.filter((row) => row.user_name === username);
}

/**
 * 2.1.2 after a lost answer: the creation was applied when an account with the username, name and
 * extension just sent exists (usernames are unique, so it cannot have been created twice).
 */
export async function findCreatedAccount(ctx: IExecuteFunctions, itemIndex: number, body: IDataObject): Promise<IDataObject | undefined> {
	const [account] = await accountsNamed(ctx, itemIndex, String(body.user_name));
	const sameForm =
		account !== undefined &&
		account.contact === body.contact &&
		String(account[EXTENSION_FIELDS.extension] ?? '') === String(body[EXTENSION_FIELDS.extension] ?? '');
	if (!sameForm) return undefined;
	return { code: 0, msg: APPLIED_MESSAGE, data: { user_sn: account.user_sn, ext: account[EXTENSION_FIELDS.extension] } };
}

/** 2.1.3 after a lost answer: the deletion was applied when the username is no longer listed. */
export async function findDeletedAccount(ctx: IExecuteFunctions, itemIndex: number, username: string): Promise<IDataObject | undefined> {
	const remaining = await accountsNamed(ctx, itemIndex, username);
	return remaining.length === 0 ? { rst: '200', msg: APPLIED_MESSAGE, success_num: 1, not_allowed: 0, fail_num: 0 } : undefined;
}

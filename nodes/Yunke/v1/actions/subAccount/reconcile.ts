import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ENDPOINTS, EXTENSION_FIELDS } from '../../../shared/contract';
import { yunkeApiRequestAllItems, type Reconciled } from '../../../transport';
import { describeWrittenAccount } from './accountForm';

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
 * extension just sent exists (usernames are unique, so it cannot have been created twice). The output
 * is then the form with the account's sn and extension, as 2.1.2's answer gives them.
 */
export async function findCreatedAccount(ctx: IExecuteFunctions, itemIndex: number, body: IDataObject, shown: IDataObject): Promise<Reconciled<IDataObject>> {
	const [account] = await accountsNamed(ctx, itemIndex, String(body.user_name));
	const sameForm =
		account !== undefined &&
		account.contact === body.contact &&
		String(account[EXTENSION_FIELDS.extension] ?? '') === String(body[EXTENSION_FIELDS.extension] ?? '');
	if (!sameForm) return { kind: 'sendAgain' };
	return { kind: 'confirmed', result: { ...describeWrittenAccount(shown, {}), user_sn: account.user_sn, ext: account[EXTENSION_FIELDS.extension] } };
}

/** 2.1.3 after a lost answer: the deletion was applied when the username is no longer listed. */
export async function findDeletedAccount(ctx: IExecuteFunctions, itemIndex: number, username: string): Promise<Reconciled<AccountDeletion>> {
	const remaining = await accountsNamed(ctx, itemIndex, username);
	return remaining.length === 0 ? { kind: 'confirmed', result: { deleted: 1, notAllowed: 0 } } : { kind: 'sendAgain' };
}

/** What 2.1.3 answers for one username: deleted (`success_num`) or refused (`not_allowed`). */
export interface AccountDeletion {
	deleted: number;
	notAllowed: number;
}

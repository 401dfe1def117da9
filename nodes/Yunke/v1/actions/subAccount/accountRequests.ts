import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ENDPOINTS, SUB_ACCOUNT_DELETE_PKEY } from '../../../shared/contract';
import { yunkeApiRequest, yunkeApiRequestAllItems, yunkeApiWrite } from '../../../transport';
import { describeWrittenAccount } from './accountForm';
import { findCreatedAccount, findDeletedAccount, type AccountDeletion } from './reconcile';

/** 2.1.2 (create) or 2.1.4 (update) with a checked form; returns `shown` (the form or the changes) without the password. */
export async function writeAccount(
	ctx: IExecuteFunctions,
	itemIndex: number,
	endpoint: typeof ENDPOINTS.subAccountCreate | typeof ENDPOINTS.subAccountUpdate,
	body: IDataObject,
	shown: IDataObject = body,
): Promise<IDataObject> {
	const read = (answer: IDataObject) => describeWrittenAccount(shown, answer);
	// an update is sent once more after a lost answer (contract RESEND_SAFE_ENDPOINTS); a creation is looked up
	if (endpoint === ENDPOINTS.subAccountUpdate) return read(await yunkeApiRequest.call(ctx, { method: 'POST', endpoint, body, itemIndex }));
	const reconcile = async () => await findCreatedAccount(ctx, itemIndex, body, shown);
	return await yunkeApiWrite(ctx, { method: 'POST', endpoint, body, itemIndex, read, reconcile });
}

/** 2.1.1, optionally filtered by username; `limit` undefined = every account. */
export async function listAccounts(
	ctx: IExecuteFunctions,
	itemIndex: number,
	username: string,
	limit: number | undefined,
): Promise<IDataObject[]> {
	const body: IDataObject = username ? { user_name: username } : {};
	return await yunkeApiRequestAllItems.call(ctx, { method: 'POST', endpoint: ENDPOINTS.subAccountList, body, itemIndex }, { limit });
}

/** 2.1.3 for one username; a name Yunke did not delete is an error, not a silent success. */
export async function deleteAccount(ctx: IExecuteFunctions, itemIndex: number, username: string): Promise<IDataObject> {
	const { deleted, notAllowed } = await yunkeApiWrite(ctx, {
		method: 'POST',
		endpoint: ENDPOINTS.subAccountDelete,
		body: { pkey: SUB_ACCOUNT_DELETE_PKEY, entityInstanceId: [username] },
		itemIndex,
		read: (answer: IDataObject): AccountDeletion => ({ deleted: Number(answer.success_num ?? 0), notAllowed: Number(answer.not_allowed ?? 0) }),
		reconcile: async () => await findDeletedAccount(ctx, itemIndex, username),
	});
	if (deleted < 1) {
		throw new NodeOperationError(ctx.getNode(), `"${username}" was not deleted [item ${itemIndex}]`, {
			itemIndex,
			description: notAllowed > 0
				? 'Yunke does not allow deleting this account (it may still be in use by tasks). Release it first.'
				: 'Yunke found no account with this username. Check the username, or pick the account from the list.',
		});
	}
	return { deleted: true, username };
}

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { KEEP_PASSWORD, ORGANIZATION_FIELD, SUB_ACCOUNT_KEY, SUB_ACCOUNT_UPDATE_REQUIRED } from '../../../shared/contract';
import { listAccounts } from './accountRequests';

/**
 * What the vendor requires but the user may leave out, filled in from existing accounts (2.1.1):
 * the organisation of a new account, and the complete required set of an update.
 */

/** One lookup per execution: every item of a run creates into the same tenant. */
const organizationOfRun = new WeakMap<IExecuteFunctions, Promise<number | undefined>>();

async function existingOrganization(ctx: IExecuteFunctions, itemIndex: number): Promise<number | undefined> {
	const [first] = await listAccounts(ctx, itemIndex, '', 1);
	const organization = Number(first?.[ORGANIZATION_FIELD]);
	return first && Number.isInteger(organization) ? organization : undefined;
}

/** A new account without an organisation gets the one of the first sub-account Yunke lists. */
export async function withOrganization(ctx: IExecuteFunctions, itemIndex: number, body: IDataObject): Promise<IDataObject> {
	if (body[ORGANIZATION_FIELD] !== undefined) return body;
	if (!organizationOfRun.has(ctx)) organizationOfRun.set(ctx, existingOrganization(ctx, itemIndex));
	const organization = await organizationOfRun.get(ctx)?.catch((error: unknown) => {
		organizationOfRun.delete(ctx);
		throw error;
	});
	if (organization === undefined) {
		throw new NodeOperationError(ctx.getNode(), `Organization ID: there is no existing sub-account to take it from [item ${itemIndex}]`, {
			itemIndex,
			description: 'Add Organization ID under Additional Fields (ask Yunke support for the ID of your root organisation).',
		});
	}
	return { ...body, [ORGANIZATION_FIELD]: organization };
}

/**
 * 2.1.4 requires the whole form: the current record (2.1.1) with the changes merged over it, the
 * password fields empty unless the user changes the password. An account 2.1.1 does not list is sent
 * as given, so Yunke's own answer says what is wrong.
 */
export async function completeUpdate(ctx: IExecuteFunctions, itemIndex: number, changes: IDataObject): Promise<IDataObject> {
	const username = String(changes[SUB_ACCOUNT_KEY]);
	const current = (await listAccounts(ctx, itemIndex, username, undefined)).find((row) => row[SUB_ACCOUNT_KEY] === username);
	if (!current) return changes;
	const form: IDataObject = { [SUB_ACCOUNT_KEY]: username };
	for (const field of SUB_ACCOUNT_UPDATE_REQUIRED) {
		const fromRecord = field === 'password' || field === 're_password' ? KEEP_PASSWORD : current[field];
		form[field] = changes[field] ?? fromRecord;
		if (form[field] === undefined || form[field] === null) {
			throw new NodeOperationError(ctx.getNode(), `Yunke's record of "${username}" has no ${field}, which an update must send [item ${itemIndex}]`, {
				itemIndex,
				description: `Set the field under Update Fields (${field}) so the node can send the complete form.`,
			});
		}
	}
	return { ...form, ...changes };
}

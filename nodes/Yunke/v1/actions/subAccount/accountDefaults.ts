import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ORGANIZATION_FIELD, SUB_ACCOUNT_KEY, SUB_ACCOUNT_UPDATE_REQUIRED } from '../../../shared/contract';
import { invalidInput } from '../../helpers/validation';
import { listAccounts } from './accountRequests';

/**
 * What the vendor requires but the user may leave out, filled in from existing accounts (2.1.1):
 * the organisation of a new account, and the complete required set of an update (less what 2.1.1
 * cannot give: the password, and the role where the list rows carry none).
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

/** The node's names of 2.1.4's required fields, for errors that say where to set them. */
const FIELD_LABELS: Record<string, string> = {
	contact: 'Name',
	organization_id: 'Organization ID',
	role_id: 'Role',
	max_call_count: 'AI Seats',
};

/**
 * 2.1.4 requires the whole form (every field marked 是): the current record (2.1.1) with the changes merged
 * over it. The password is one of those fields and the docs give no value that keeps it, so it must be
 * given (the current one keeps it); 2.1.1 rows carry no `role_id` on most tenants, and no endpoint names an
 * account's role (3.2/3.5 list roles and their permissions, not their members), so then Role must be given.
 * Both are checked before anything is written. An account 2.1.1 does not list is sent as given, so Yunke's
 * own answer says what is wrong.
 */
export async function completeUpdate(ctx: IExecuteFunctions, itemIndex: number, changes: IDataObject): Promise<IDataObject> {
	const username = String(changes[SUB_ACCOUNT_KEY]);
	if (changes.password === undefined) {
		throw invalidInput(
			ctx,
			itemIndex,
			'Password',
			'is required for every update: Yunke requires the password and its confirmation on each change of an account (2.1.4)',
			`Add Password and Confirm Password under Update Fields: the current password of "${username}" keeps it, a new one changes it. Nothing was sent.`,
		);
	}
	const current = (await listAccounts(ctx, itemIndex, username, undefined)).find((row) => row[SUB_ACCOUNT_KEY] === username);
	if (!current) return changes;
	const form: IDataObject = { [SUB_ACCOUNT_KEY]: username };
	for (const field of SUB_ACCOUNT_UPDATE_REQUIRED) {
		form[field] = changes[field] ?? current[field];
		if (form[field] !== undefined && form[field] !== null && form[field] !== '') continue;
		const label = FIELD_LABELS[field] ?? field;
		const why =
			field === 'role_id'
				? `Yunke's sub-account list does not show the role of "${username}", and every update must send it (2.1.4)`
				: `Yunke's record of "${username}" has no ${field}, and every update must send it (2.1.4)`;
		const job = current.job ? ` (Yunke lists its job as "${String(current.job)}")` : '';
		const fix =
			field === 'role_id'
				? `Choose the account's role under Update Fields → Role${job}: its current role keeps it. Nothing was sent.`
				: `Set ${label} under Update Fields so the node can send the complete form. Nothing was sent.`;
		throw invalidInput(ctx, itemIndex, label, why, fix);
	}
	return { ...form, ...changes };
}

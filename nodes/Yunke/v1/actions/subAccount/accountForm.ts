import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { EXTENSION_FIELDS, SUB_ACCOUNT_KEY } from '../../../shared/contract';
import { extraVendorFields, locatorValue } from '../../helpers/fields';
import { invalidInput, isBlank, requireAlphanumeric, requireInteger, requirePhone, requireText } from '../../helpers/validation';
import { dataOf } from '../../../transport';
import type { AccountKind } from '../../../methods/locators';

interface AccountInput {
	contact?: unknown;
	password?: unknown;
	confirmPassword?: unknown;
	extension?: unknown;
	inboundNumber?: unknown;
	aiSeats?: unknown;
	roleId?: unknown;
	organizationId?: unknown;
}

/**
 * The 2.1.2 form for a new sub-account or extension, checked the way the vendor checks it
 * (40001, 40005, 40009, 30008) so that bad input never leaves n8n.
 */
export function readCreateBody(ctx: IExecuteFunctions, itemIndex: number, kind: AccountKind): IDataObject {
	const optional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as AccountInput;
	const input: AccountInput = {
		...optional,
		contact: ctx.getNodeParameter('contact', itemIndex),
		password: ctx.getNodeParameter('password', itemIndex),
		confirmPassword: ctx.getNodeParameter('confirmPassword', itemIndex),
		aiSeats: ctx.getNodeParameter('aiSeats', itemIndex),
		roleId: ctx.getNodeParameter('roleId', itemIndex),
		...(kind === 'extension' ? { extension: ctx.getNodeParameter('extension', itemIndex) } : {}),
	};
	const body: IDataObject = {
		user_name: requireAlphanumeric(ctx, itemIndex, 'Username', ctx.getNodeParameter('username', itemIndex)),
		contact: requireText(ctx, itemIndex, 'Name', input.contact),
		...readPassword(ctx, itemIndex, input, true),
		// undefined (filled in from an existing sub-account before sending) keeps the field's place in the form
		organization_id: isBlank(input.organizationId) || Number(input.organizationId) === 0
			? undefined
			: requireInteger(ctx, itemIndex, 'Organization ID', input.organizationId, { min: 1 }),
		role_id: requireInteger(ctx, itemIndex, 'Role', input.roleId, { min: 1 }),
		max_call_count: requireInteger(ctx, itemIndex, 'AI Seats', input.aiSeats, { min: 0 }),
	};
	if (kind === 'extension') {
		body[EXTENSION_FIELDS.extension] = requireAlphanumeric(ctx, itemIndex, 'Extension Number', input.extension);
		body[EXTENSION_FIELDS.inboundNumber] = readInboundNumber(ctx, itemIndex, input.inboundNumber);
	} else {
		if (!isBlank(input.extension)) body[EXTENSION_FIELDS.extension] = requireAlphanumeric(ctx, itemIndex, 'Extension Number', input.extension);
		if (!isBlank(input.inboundNumber)) body[EXTENSION_FIELDS.inboundNumber] = readInboundNumber(ctx, itemIndex, input.inboundNumber);
	}
	return { ...body, ...extraVendorFields(ctx, itemIndex) };
}

/** The changes of a 2.1.4 update: the account's username, then only the fields listed under Update Fields. */
export function readUpdateBody(ctx: IExecuteFunctions, itemIndex: number, kind: AccountKind): IDataObject {
	const username = readAccountUsername(ctx, itemIndex, kind);
	const input = ctx.getNodeParameter('updateFields', itemIndex, {}) as AccountInput;
	const extra = extraVendorFields(ctx, itemIndex);
	const body: IDataObject = { [SUB_ACCOUNT_KEY]: username };
	if (input.contact !== undefined) body.contact = requireText(ctx, itemIndex, 'Name', input.contact);
	Object.assign(body, readPassword(ctx, itemIndex, input, false));
	if (input.organizationId !== undefined) {
		body.organization_id = requireInteger(ctx, itemIndex, 'Organization ID', input.organizationId, { min: 0 });
	}
	if (input.roleId !== undefined) body.role_id = requireInteger(ctx, itemIndex, 'Role', input.roleId, { min: 1 });
	if (input.aiSeats !== undefined) body.max_call_count = requireInteger(ctx, itemIndex, 'AI Seats', input.aiSeats, { min: 0 });
	if (input.extension !== undefined) {
		// A sub-account may give up its extension; an extension without one would no longer be an extension.
		body[EXTENSION_FIELDS.extension] =
			kind === 'subAccount' && isBlank(input.extension) ? '' : requireAlphanumeric(ctx, itemIndex, 'Extension Number', input.extension);
	}
	if (input.inboundNumber !== undefined) body[EXTENSION_FIELDS.inboundNumber] = readInboundNumber(ctx, itemIndex, input.inboundNumber);
	if (Object.keys(body).length === 1 && Object.keys(extra).length === 0) {
		throw invalidInput(ctx, itemIndex, 'Update Fields', 'no field to change was given', 'Add at least one field under Update Fields, or Extra Vendor Fields (JSON)');
	}
	return { ...body, ...extra };
}

/** The username behind the account locator, checked like the vendor checks usernames. */
export function readAccountUsername(ctx: IExecuteFunctions, itemIndex: number, kind: AccountKind): string {
	const label = kind === 'extension' ? 'Extension' : 'Sub-Account';
	return requireAlphanumeric(ctx, itemIndex, label, locatorValue(ctx, 'account', itemIndex));
}

/** What the node reports about an account it wrote: the vendor's answer and the form, never the password. */
export function describeWrittenAccount(body: IDataObject, answer: IDataObject): IDataObject {
	const { password: _password, re_password: _confirmation, ...visible } = body;
	const data = dataOf(answer);
	return { ...visible, ...data };
}

function readPassword(ctx: IExecuteFunctions, itemIndex: number, input: AccountInput, required: boolean): IDataObject {
	const given = !isBlank(input.password) || !isBlank(input.confirmPassword);
	if (!required && !given) return {};
	requireText(ctx, itemIndex, 'Password', input.password);
	const password = String(input.password);
	// The values are secrets: the error names the fields, never their contents.
	if (String(input.confirmPassword ?? '') !== password) {
		throw invalidInput(ctx, itemIndex, 'Confirm Password', 'does not match Password', 'Enter the same value in Password and Confirm Password');
	}
	return { password, re_password: password };
}

function readInboundNumber(ctx: IExecuteFunctions, itemIndex: number, raw: unknown): string {
	return isBlank(raw) ? '' : requirePhone(ctx, itemIndex, 'Inbound Number', raw);
}

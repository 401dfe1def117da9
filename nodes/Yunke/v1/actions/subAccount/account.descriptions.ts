import type { INodeProperties } from 'n8n-workflow';

import { collection } from '../common.descriptions';

import { accountLocator, type AccountKind } from '../../../methods/locators';
import { roleIdField } from '../role/role.descriptions';

export const usernameField: INodeProperties = {
	displayName: 'Username',
	name: 'username',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'agent03',
	description: 'Login name of the new account: letters and digits only',
};

export const contactField: INodeProperties = {
	displayName: 'Name',
	name: 'contact',
	type: 'string',
	default: '',
	required: true,
	placeholder: '王小明',
	description: 'Real name of the person who uses the account',
};

export const passwordField: INodeProperties = {
	displayName: 'Password',
	name: 'password',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	required: true,
	description: 'Login password of the account',
};

export const confirmPasswordField: INodeProperties = {
	displayName: 'Confirm Password',
	name: 'confirmPassword',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	required: true,
	description: 'The same password again; nothing is sent when the two differ',
};

export const extensionField: INodeProperties = {
	displayName: 'Extension Number',
	name: 'extension',
	type: 'string',
	default: '',
	placeholder: '8003',
	description: 'Extension number of the seat: letters and digits only, unique in the account',
};

export const inboundNumberField: INodeProperties = {
	displayName: 'Inbound Number',
	name: 'inboundNumber',
	type: 'string',
	default: '',
	placeholder: '075512345678',
	description: 'Phone number whose incoming calls ring this seat; must not be used by another seat',
};

export const aiSeatsField: INodeProperties = {
	displayName: 'AI Seats',
	name: 'aiSeats',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 0 },
	default: 0,
	description: 'How many of the account’s free AI seats (concurrent AI calls) to allot',
};

export const roleField: INodeProperties = {
	...roleIdField,
	required: false,
	description:
		'Permission role of the account. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const organizationField: INodeProperties = {
	displayName: 'Organization ID',
	name: 'organizationId',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 0 },
	default: 0,
	description: 'ID of the organisation the account belongs to. 0 or left out: the organisation of an existing sub-account (the root is not always 1).',
};

/** Create: the required form, then the optional fields of this kind of account. */
export function createProperties(kind: AccountKind): INodeProperties[] {
	const required: INodeProperties[] = [
		usernameField,
		contactField,
		passwordField,
		confirmPasswordField,
		...(kind === 'extension' ? [{ ...extensionField, required: true }] : []),
		{ ...aiSeatsField, required: true },
		{ ...roleField, required: true },
	];
	const optional = kind === 'extension' ? [inboundNumberField, organizationField] : [extensionField, inboundNumberField, organizationField];
	return [
		...required,
		collection('additionalFields', optional),
	];
}

/** Update: the account, then only the fields the user wants to change. */
export function updateProperties(kind: AccountKind): INodeProperties[] {
	const optional = (field: INodeProperties): INodeProperties => ({ ...field, required: false });
	return [
		accountLocator(kind),
		collection('updateFields', [
			optional(aiSeatsField),
			optional({ ...confirmPasswordField, description: 'The same password again; required with Password on every update' }),
			optional(extensionField),
			optional(inboundNumberField),
			optional(contactField),
			optional(organizationField),
			optional({
				...passwordField,
				description:
					'Needed on every update: Yunke requires the password and its confirmation with each change, and documents no empty value that keeps it. Enter the current password to keep it, or a new one to change it.',
			}),
			optional({
				...roleField,
				description:
					'Needed when Yunke’s sub-account list does not show the account’s role (most tenants): every update must send it. Choose the current role to keep it. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			}),
		]),
	];
}

import type { INodeProperties } from 'n8n-workflow';

export const poolField: INodeProperties = {
	displayName: 'Pool',
	name: 'pool',
	type: 'options',
	options: [
		{ name: 'Private (Owned by Sub-Accounts)', value: 'private' },
		{ name: 'Public', value: 'public' },
	],
	default: 'private',
	description: 'The private pool holds customers owned by sub-accounts; the public pool is open to everyone',
};

export function phonesField(description: string): INodeProperties {
	return {
		displayName: 'Phone Numbers',
		name: 'phones',
		type: 'string',
		default: '',
		required: true,
		placeholder: '13800138000, 13900139000',
		description,
	};
}

/** A sub-account by user_sn; the ID mode also takes several sns separated by commas. */
export function subAccountSnLocator(displayName: string, name: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchSubAccounts', searchable: true } },
			{ displayName: 'By User SN', name: 'id', type: 'string', placeholder: 'SYSUSER|5d03d133d7fb004e2ccf34eb8fbdc45c' },
		],
	};
}

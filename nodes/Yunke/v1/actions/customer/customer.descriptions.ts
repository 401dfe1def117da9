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

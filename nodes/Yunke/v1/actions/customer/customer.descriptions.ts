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

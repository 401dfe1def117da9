import type { INodeProperties } from 'n8n-workflow';

/** Return All + Limit, the n8n convention for every list operation. */
export function paginationFields(maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** Extra vendor fields for any write, so a field this node does not know never blocks a user. */
export function additionalVendorFields(): INodeProperties {
	return {
		displayName: 'Extra Vendor Fields (JSON)',
		name: 'extraFields',
		type: 'json',
		default: '{}',
		description:
			'Further request fields the Yunke API accepts, as a JSON object; they are sent as given and override the fields above',
	};
}

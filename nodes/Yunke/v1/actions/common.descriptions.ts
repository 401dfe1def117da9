import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CREATION_DATES } from '../../shared/contract';

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

/** A field with a fixed list of choices (n8n's `options` type); the choices in display-name order. */
export function optionsField(field: Omit<INodeProperties, 'type' | 'options'>, options: INodePropertyOptions[]): INodeProperties {
	return { ...field, type: 'options', options };
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

const COLLECTIONS = {
	additionalFields: { displayName: 'Additional Fields', placeholder: 'Add Field' },
	filters: { displayName: 'Filters', placeholder: 'Add Filter' },
	options: { displayName: 'Options', placeholder: 'Add Option' },
	updateFields: { displayName: 'Update Fields', placeholder: 'Add Field' },
} as const;

/** One of n8n's usual collections of optional fields; `options` sorted by display name. */
export function collection(name: keyof typeof COLLECTIONS, options: INodeProperties[], displayOptions?: IDisplayOptions): INodeProperties {
	return { ...COLLECTIONS[name], name, type: 'collection', default: {}, ...(displayOptions ? { displayOptions } : {}), options };
}

/** The Filters collection of a list operation. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return collection('filters', options);
}

/** The Filters collection of 5.1 and 6.1, whose dates the node always sends (`transport/dateWindows.ts`). */
export function creationDateFilters(options: INodeProperties[], rows: string): INodeProperties {
	return {
		...filtersCollection(options),
		hint: `Without Created After, every ${rows} since ${CREATION_DATES.earliest.slice(0, 10)} is read; without Created Before, up to the end of today (China time). Yunke alone would answer today's only.`,
	};
}

/** A filter that keeps the records whose field contains the given text. */
export function containsFilter(displayName: string, name: string, description: string): INodeProperties {
	return { displayName, name, type: 'string', default: '', description };
}

/**
 * "Created After" / "Created Before" (or Updated …), read with `requireDateRange`; `only` completes
 * "Only … at or after this time", e.g. `tasks created`.
 */
export function timeRangeFilters(word: 'Created' | 'Updated', names: [after: string, before: string], only: string): INodeProperties[] {
	const zone = '(China time when no zone is given)';
	return [
		{ displayName: `${word} After`, name: names[0], type: 'dateTime', default: '', description: `Only ${only} at or after this time ${zone}` },
		{ displayName: `${word} Before`, name: names[1], type: 'dateTime', default: '', description: `Only ${only} at or before this time ${zone}` },
	];
}

/** A comma-separated list of phone numbers (customers, the do-not-disturb list). */
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

/** The output binary field of an operation that returns a file, named as n8n's own nodes name it. */
export function outputBinaryField(file: string): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: `The name of the output binary field to put ${file} in`,
	};
}

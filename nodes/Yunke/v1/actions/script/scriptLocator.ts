import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorValue } from '../../helpers/fields';
import { invalidInput } from '../../helpers/validation';

export const scriptLocator: INodeProperties = {
	displayName: 'Script',
	name: 'script',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The AI call script, from the list or by its sn',
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchScripts', searchable: true } },
		{ displayName: 'By Sn', name: 'id', type: 'string', placeholder: 'e.g. projects|4a92…' },
	],
};

/** The script's `project_sn`. */
export function readScriptSn(ctx: IExecuteFunctions, itemIndex: number): string {
	const sn = locatorValue(ctx, 'script', itemIndex);
	if (!sn) throw invalidInput(ctx, itemIndex, 'Script', 'is empty', 'Pick a script from the list, or enter its sn (projects|…) as Script → Get Many shows it');
	return sn;
}

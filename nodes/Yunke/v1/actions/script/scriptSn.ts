import type { IExecuteFunctions } from 'n8n-workflow';

import { locatorValue } from '../../helpers/fields';
import { invalidInput } from '../../helpers/validation';

/** The script's `project_sn`, from the `script` picker. */
export function readScriptSn(ctx: IExecuteFunctions, itemIndex: number): string {
	const sn = locatorValue(ctx, 'script', itemIndex);
	if (!sn) throw invalidInput(ctx, itemIndex, 'Script', 'is empty', 'Pick a script from the list, or enter its sn (projects|…) as Script → Get Many shows it');
	return sn;
}

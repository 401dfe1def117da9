import type { IExecuteFunctions } from 'n8n-workflow';

import { splitList } from '../../helpers/lists';
import { invalidInput, requireInteger } from '../../helpers/validation';

export function readRoleId(ctx: IExecuteFunctions, itemIndex: number): number {
	return requireInteger(ctx, itemIndex, 'Role', ctx.getNodeParameter('roleId', itemIndex), { min: 1 });
}

/** Permission ids from the multi-select, an array or a comma list; at least one. */
export function readPermissions(ctx: IExecuteFunctions, itemIndex: number): number[] {
	const ids = splitList(ctx.getNodeParameter('permissions', itemIndex, []));
	if (ids.length === 0) throw invalidInput(ctx, itemIndex, 'Permissions', 'none were chosen', 'Choose at least one permission');
	return ids.map((id) => requireInteger(ctx, itemIndex, 'Permissions', id, { min: 1 }));
}

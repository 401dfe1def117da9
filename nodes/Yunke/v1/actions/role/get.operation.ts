import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { yunkeApiRequest } from '../../../transport';
import { roleIdField } from './role.descriptions';
import { readRoleId } from './roleInput';

const properties: INodeProperties[] = [
	roleIdField,
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to leave out the full permission catalogue (permissionAll) that Yunke sends with every role',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['role'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readRoleId(this, itemIndex);
	const answer = await yunkeApiRequest.call(this, { method: 'POST', endpoint: ENDPOINTS.roleGet, body: { id }, itemIndex, idempotent: true });
	const role = (answer.data ?? answer) as IDataObject;
	if (!this.getNodeParameter('simplify', itemIndex, true)) return role;
	const { permissionAll: _catalogue, ...rest } = role;
	return rest;
}

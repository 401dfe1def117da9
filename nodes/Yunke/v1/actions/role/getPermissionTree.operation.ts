import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS, PERMISSION_TREE_ANY_ROLE } from '../../../shared/contract';
import { isBlank } from '../../helpers/validation';
import { extractList, yunkeApiRequest } from '../../../transport';
import { readRoleId } from './roleInput';

const properties: INodeProperties[] = [
	{
		displayName: 'Mark Permissions of Role Name or ID',
		name: 'roleId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getRoles' },
		default: '',
		description:
			'Optional: marks the permissions this role has as checked. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['role'], operation: ['getPermissionTree'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const roleid = isBlank(this.getNodeParameter('roleId', itemIndex, '')) ? PERMISSION_TREE_ANY_ROLE : readRoleId(this, itemIndex);
	const answer = await yunkeApiRequest.call(this, { method: 'POST', endpoint: ENDPOINTS.permissionTree, body: { roleid }, itemIndex, idempotent: true });
	return extractList(answer).items.map((permission) => ({ ...permission, checked: Number(permission.checked ?? 0) === 1 }));
}

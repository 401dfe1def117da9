import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS, ROLE_PERMISSION_FIELD } from '../../../shared/contract';
import { extraVendorFields } from '../../helpers/fields';
import { yunkeApiRequest } from '../../../transport';
import { additionalVendorFields, collection } from '../common.descriptions';
import { permissionsField, roleIdField } from './role.descriptions';
import { readPermissions, readRoleId } from './roleInput';

const properties: INodeProperties[] = [
	roleIdField,
	{ ...permissionsField, description: `${permissionsField.description} They replace the role's current permissions.` },
	collection('updateFields', [{ displayName: 'Description', name: 'description', type: 'string', default: '' }]),
	additionalVendorFields(),
];

export const description = updateDisplayOptions({ show: { resource: ['role'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readRoleId(this, itemIndex);
	const permissions = readPermissions(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as { description?: string };
	const body: IDataObject = { id };
	if (fields.description !== undefined) body.description = fields.description;
	body[ROLE_PERMISSION_FIELD] = permissions;
	Object.assign(body, extraVendorFields(this, itemIndex, Object.keys(body)));
	await yunkeApiRequest.call(this, { method: 'POST', endpoint: ENDPOINTS.roleUpdate, body, itemIndex });
	return { updated: true, id, permissions, ...(fields.description !== undefined ? { description: fields.description } : {}) };
}

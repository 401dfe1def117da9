import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS, ROLE_PERMISSION_FIELD } from '../../../shared/contract';
import { extraVendorFields } from '../../helpers/fields';
import { requireText } from '../../helpers/validation';
import { extractList, yunkeApiRequest, yunkeApiWrite } from '../../../transport';
import { additionalVendorFields } from '../common.descriptions';
import { permissionsField } from './role.descriptions';
import { readPermissions } from './roleInput';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: '质检员', description: 'Name of the new role' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '', required: true, description: 'What the role is for' },
	permissionsField,
	additionalVendorFields(),
];

export const description = updateDisplayOptions({ show: { resource: ['role'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requireText(this, itemIndex, 'Name', this.getNodeParameter('name', itemIndex));
	const roleDescription = requireText(this, itemIndex, 'Description', this.getNodeParameter('description', itemIndex));
	const permissions = readPermissions(this, itemIndex);
	const body: IDataObject = { rolename: name, description: roleDescription, [ROLE_PERMISSION_FIELD]: permissions, ...extraVendorFields(this, itemIndex, ['rolename', 'description', ROLE_PERMISSION_FIELD]) };
	// after a lost answer the role list tells whether the role was created, so it is never created twice
	const findCreated = async () => {
		const list = await yunkeApiRequest.call(this, {
			method: 'POST',
			endpoint: ENDPOINTS.roleList,
			body: { pageIndex: 0, pageSize: 50, data: { name } },
			itemIndex,
			idempotent: true,
		});
		return extractList(list).items.find((role) => role.name === name);
	};
	const reconcile = async () => ((await findCreated()) ? { kind: 'confirmed' as const, result: undefined } : { kind: 'sendAgain' as const });
	await yunkeApiWrite(this, { method: 'POST', endpoint: ENDPOINTS.roleCreate, body, itemIndex, read: () => undefined, reconcile });
	// 3.3 answers without the new id: read it back by name so the next node can use it.
	const created = await findCreated();
	return { id: created?.id ?? null, name, description: roleDescription, permissions };
}

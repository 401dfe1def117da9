import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { yunkeApiRequest } from '../../../transport';
import { roleIdField } from './role.descriptions';
import { readRoleId } from './roleInput';

const properties: INodeProperties[] = [roleIdField];

export const description = updateDisplayOptions({ show: { resource: ['role'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readRoleId(this, itemIndex);
	await yunkeApiRequest.call(this, { method: 'POST', endpoint: ENDPOINTS.roleDelete, body: { roleid: id }, itemIndex });
	return { deleted: true, id };
}

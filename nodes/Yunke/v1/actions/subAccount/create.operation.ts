import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { additionalVendorFields } from '../common.descriptions';
import { createProperties } from './account.descriptions';
import { withOrganization } from './accountDefaults';
import { readCreateBody } from './accountForm';
import { writeAccount } from './accountRequests';

const properties: INodeProperties[] = [...createProperties('subAccount'), additionalVendorFields()];

export const description = updateDisplayOptions({ show: { resource: ['subAccount'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = await withOrganization(this, itemIndex, readCreateBody(this, itemIndex, 'subAccount'));
	return await writeAccount(this, itemIndex, ENDPOINTS.subAccountCreate, body);
}

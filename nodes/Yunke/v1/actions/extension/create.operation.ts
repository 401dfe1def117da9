import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { additionalVendorFields } from '../common.descriptions';
import { createProperties } from '../subAccount/account.descriptions';
import { withOrganization } from '../subAccount/accountDefaults';
import { readCreateBody } from '../subAccount/accountForm';
import { writeAccount } from '../subAccount/accountRequests';

const properties: INodeProperties[] = [...createProperties('extension'), additionalVendorFields()];

export const description = updateDisplayOptions({ show: { resource: ['extension'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = await withOrganization(this, itemIndex, readCreateBody(this, itemIndex, 'extension'));
	return await writeAccount(this, itemIndex, ENDPOINTS.subAccountCreate, body);
}

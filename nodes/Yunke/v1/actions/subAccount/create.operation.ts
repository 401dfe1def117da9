import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { additionalVendorFields } from '../common.descriptions';
import { createProperties } from './account.descriptions';
import { readCreateBody } from './accountForm';
import { writeAccount } from './accountRequests';

const properties: INodeProperties[] = [...createProperties('subAccount'), additionalVendorFields()];

export const description = updateDisplayOptions({ show: { resource: ['subAccount'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await writeAccount(this, itemIndex, ENDPOINTS.subAccountCreate, readCreateBody(this, itemIndex, 'subAccount'));
}

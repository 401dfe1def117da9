import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { additionalVendorFields } from '../common.descriptions';
import { updateProperties } from './account.descriptions';
import { completeUpdate } from './accountDefaults';
import { readUpdateBody } from './accountForm';
import { writeAccount } from './accountRequests';

const properties: INodeProperties[] = [...updateProperties('subAccount'), additionalVendorFields()];

export const description = updateDisplayOptions({ show: { resource: ['subAccount'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const changes = readUpdateBody(this, itemIndex, 'subAccount');
	return await writeAccount(this, itemIndex, ENDPOINTS.subAccountUpdate, await completeUpdate(this, itemIndex, changes), changes);
}

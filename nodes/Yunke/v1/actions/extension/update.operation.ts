import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { additionalVendorFields } from '../common.descriptions';
import { updateProperties } from '../subAccount/account.descriptions';
import { completeUpdate } from '../subAccount/accountDefaults';
import { readUpdateBody } from '../subAccount/accountForm';
import { writeAccount } from '../subAccount/accountRequests';

const properties: INodeProperties[] = [...updateProperties('extension'), additionalVendorFields()];

export const description = updateDisplayOptions({ show: { resource: ['extension'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const changes = readUpdateBody(this, itemIndex, 'extension');
	return await writeAccount(this, itemIndex, ENDPOINTS.subAccountUpdate, await completeUpdate(this, itemIndex, changes), changes);
}

import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { accountLocator } from '../../../methods/locators';
import { readAccountUsername } from '../subAccount/accountForm';
import { deleteAccount } from '../subAccount/accountRequests';

const properties: INodeProperties[] = [accountLocator('extension')];

export const description = updateDisplayOptions({ show: { resource: ['extension'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await deleteAccount(this, itemIndex, readAccountUsername(this, itemIndex, 'extension'));
}

import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { accountLocator } from '../../../methods/locators';
import { readAccountUsername } from './accountForm';
import { deleteAccount } from './accountRequests';

const properties: INodeProperties[] = [accountLocator('subAccount')];

export const description = updateDisplayOptions({ show: { resource: ['subAccount'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await deleteAccount(this, itemIndex, readAccountUsername(this, itemIndex, 'subAccount'));
}

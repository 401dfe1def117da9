import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { locatorValue } from '../../helpers/fields';
import { yunkeApiRequest } from '../../../transport';
import { subAccountLocator } from '../../../methods/locators';
import { phonesField } from '../common.descriptions';
import { readAccountSns } from './accountSns';
import { readPhoneList } from './phoneList';

const properties: INodeProperties[] = [
	phonesField('Phone numbers of the private-pool customers to share, separated by commas'),
	{
		...subAccountLocator,
		displayName: 'Collaborators',
		name: 'collaborators',
		description: 'Sub-accounts that follow up the customers together with the owner; in By Sn mode several sns separated by commas',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['share'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const phones = readPhoneList(this, itemIndex, 'Phone Numbers', this.getNodeParameter('phones', itemIndex));
	const collaborators = readAccountSns(this, itemIndex, 'Collaborators', locatorValue(this, 'collaborators', itemIndex));
	await yunkeApiRequest.call(this, {
		method: 'GET',
		endpoint: ENDPOINTS.customerShare,
		qs: { phone: phones.join(','), follow_user_sn: collaborators.join(',') },
		itemIndex,
	});
	return { shared: true, phones, collaborators };
}

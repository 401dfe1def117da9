import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { yunkeApiRequest } from '../../../transport';
import { phonesField } from '../common.descriptions';
import { readPhoneList } from './phoneList';

const properties: INodeProperties[] = [phonesField('Phone numbers of the private-pool customers to release to the public pool, separated by commas')];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['giveUp'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const phones = readPhoneList(this, itemIndex, 'Phone Numbers', this.getNodeParameter('phones', itemIndex));
	await yunkeApiRequest.call(this, { method: 'GET', endpoint: ENDPOINTS.customerGiveUp, qs: { phone: phones.join(',') }, itemIndex });
	return { gaveUp: true, phones };
}

import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { dataOf, yunkeApiRequest } from '../../../transport';
import { phonesField } from '../common.descriptions';
import { readPhoneList } from './phoneList';

const properties: INodeProperties[] = [phonesField('Phone numbers of the public-pool customers to delete, separated by commas')];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const phones = readPhoneList(this, itemIndex, 'Phone Numbers', this.getNodeParameter('phones', itemIndex));
	const answer = await yunkeApiRequest.call(this, { method: 'GET', endpoint: ENDPOINTS.customerDeletePublic, qs: { phone: phones.join(',') }, itemIndex });
	const data = dataOf(answer);
	const removed = Number(data.success ?? 0);
	if (removed === 0) {
		throw new NodeOperationError(this.getNode(), `None of ${phones.join(', ')} is a customer in the public pool [item ${itemIndex}]`, {
			itemIndex,
			description: 'Nothing was deleted. Only public-pool customers can be deleted; give private customers up first.',
		});
	}
	return { deleted: true, phones, removed, notFound: Number(data.fail ?? 0) };
}

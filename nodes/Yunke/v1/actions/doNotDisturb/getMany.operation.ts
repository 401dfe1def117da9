import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { yunkeApiRequestAllItems } from '../../transport';
import { paginationFields } from '../common.descriptions';

const properties: INodeProperties[] = [...paginationFields()];

export const description = updateDisplayOptions({ show: { resource: ['doNotDisturb'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	return await yunkeApiRequestAllItems.call(this, { method: 'POST', endpoint: ENDPOINTS.dndList, body: {}, itemIndex }, { limit });
}

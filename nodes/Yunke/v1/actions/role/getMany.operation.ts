import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { yunkeApiRequestAllItems } from '../../../transport';
import { containsFilter, filtersCollection, paginationFields } from '../common.descriptions';
import { readLimit } from '../../helpers/fields';

const properties: INodeProperties[] = [
	...paginationFields(),
	filtersCollection([containsFilter('Name Contains', 'name', 'Only roles whose name contains this text')]),
];

export const description = updateDisplayOptions({ show: { resource: ['role'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const name = String((this.getNodeParameter('filters', itemIndex, {}) as { name?: string }).name ?? '').trim();
	const body: IDataObject = name ? { data: { name } } : {};
	return await yunkeApiRequestAllItems.call(this, { method: 'POST', endpoint: ENDPOINTS.roleList, body, itemIndex }, { limit });
}

import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CUSTOMER_SEARCH_FIELDS, ENDPOINTS } from '../../../shared/contract';
import { requireDateRange } from '../../helpers/validation';
import { yunkeApiRequestAllItems } from '../../../transport';
import { containsFilter, filtersCollection, paginationFields, timeRangeFilters } from '../common.descriptions';
import { poolField } from './customer.descriptions';
import { readLimit } from '../../helpers/fields';
import { nameOrPhoneSearch } from '../../helpers/phoneNumber';

const properties: INodeProperties[] = [
	poolField,
	...paginationFields(),
	filtersCollection([
		containsFilter('Name or Phone Contains', 'nameOrPhone', 'Only customers whose name or phone number contains this text'),
		...timeRangeFilters('Updated', ['updatedFrom', 'updatedTo'], 'customers changed'),
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const pool = this.getNodeParameter('pool', itemIndex) as 'private' | 'public';
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { nameOrPhone?: string; updatedFrom?: string; updatedTo?: string };
	const { from, to } = requireDateRange(this, itemIndex, ['Updated After', filters.updatedFrom], ['Updated Before', filters.updatedTo]);
	const search: IDataObject = {};
	if (filters.nameOrPhone?.trim()) search[CUSTOMER_SEARCH_FIELDS.nameOrPhone] = nameOrPhoneSearch(filters.nameOrPhone);
	if (from) search[CUSTOMER_SEARCH_FIELDS.updatedFrom] = from;
	if (to) search[CUSTOMER_SEARCH_FIELDS.updatedTo] = to;
	const qs: IDataObject = { isPrivate: pool === 'private' ? 1 : 0 };
	if (Object.keys(search).length) qs.data = JSON.stringify(search);
	return await yunkeApiRequestAllItems.call(this, { method: 'GET', endpoint: ENDPOINTS.customerList, qs, itemIndex }, { limit });
}

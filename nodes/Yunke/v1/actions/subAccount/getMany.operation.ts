import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pick, readLimit } from '../../helpers/fields';
import { containsFilter, filtersCollection, paginationFields, simplifyField } from '../common.descriptions';
import { listAccounts } from './accountRequests';

/** The fields of a sub-account most workflows need; the vendor record has about twenty. */
export const SUB_ACCOUNT_SIMPLE_FIELDS = [
	'user_sn',
	'user_name',
	'contact',
	'job',
	'role_id',
	'max_call_count',
	'ext',
	'callin_phone',
	'skillgroup_sn',
	'last_login_time',
] as const;

const properties: INodeProperties[] = [
	...paginationFields(),
	filtersCollection([
		containsFilter('Username Contains', 'username', 'Only sub-accounts whose username contains this text'),
	]),
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['subAccount'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { username?: string };
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const accounts = await listAccounts(this, itemIndex, String(filters.username ?? '').trim(), limit);
	return simplify ? accounts.map((account) => pick(account, SUB_ACCOUNT_SIMPLE_FIELDS)) : accounts;
}

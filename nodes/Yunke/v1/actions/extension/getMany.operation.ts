import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { EXTENSION_FIELDS } from '../../../shared/contract';
import { pick, readLimit } from '../../helpers/fields';
import { containsFilter, filtersCollection, paginationFields, simplifyField } from '../common.descriptions';
import { listAccounts } from '../subAccount/accountRequests';

/** A seat as the extension form shows it. */
export const SEAT_FIELDS = ['user_sn', 'user_name', 'contact', 'ext', 'callin_phone', 'max_call_count'] as const;

const properties: INodeProperties[] = [
	...paginationFields(),
	filtersCollection([
		containsFilter('Username Contains', 'username', 'Only extensions whose username contains this text'),
	]),
	{ ...simplifyField, description: 'Whether to return only the seat fields (username, name, extension, inbound number, AI seats) instead of the whole sub-account' },
];

export const description = updateDisplayOptions({ show: { resource: ['extension'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { username?: string };
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	// The vendor list has no extension filter: read every sub-account (a tenant has at most its
	// extension quota of seats) and keep those with an extension number.
	const accounts = await listAccounts(this, itemIndex, String(filters.username ?? '').trim(), undefined);
	const seats = accounts.filter((account) => String(account[EXTENSION_FIELDS.extension] ?? '').trim() !== '');
	const limited = limit === undefined ? seats : seats.slice(0, limit);
	return simplify ? limited.map((seat) => pick(seat, SEAT_FIELDS)) : limited;
}

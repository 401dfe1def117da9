import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { phonesField } from '../common.descriptions';
import { splitList } from '../../helpers/lists';
import { invalidInput, requirePhone } from '../../helpers/validation';
import { yunkeApiWrite } from '../../../transport';
import { readIdList } from './entryIds';
import { findRemovedEntries } from './reconcile';

const properties: INodeProperties[] = [
	{
		displayName: 'Delete By',
		name: 'deleteBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Entry IDs', value: 'ids', description: 'The IDs that Get Many returns' },
			{ name: 'Phone Numbers', value: 'phones' },
		],
		default: 'phones',
	},
	{ ...phonesField('Numbers to take off the list, separated by commas'), displayOptions: { show: { deleteBy: ['phones'] } } },
	{
		displayName: 'Entry IDs',
		name: 'ids',
		type: 'string',
		default: '',
		required: true,
		placeholder: '108, 112',
		description: 'IDs of the list entries to remove, separated by commas',
		displayOptions: { show: { deleteBy: ['ids'] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['doNotDisturb'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const deleteBy = this.getNodeParameter('deleteBy', itemIndex) as 'ids' | 'phones';
	let body: IDataObject;
	let targets: string[];
	if (deleteBy === 'ids') {
		targets = readIdList(this, itemIndex, 'Entry IDs', this.getNodeParameter('ids', itemIndex));
		body = { ids_json: targets };
	} else {
		const raw = splitList(this.getNodeParameter('phones', itemIndex));
		if (raw.length === 0) throw invalidInput(this, itemIndex, 'Phone Numbers', 'is empty', 'Enter at least one phone number');
		targets = [...new Set(raw.map((phone) => requirePhone(this, itemIndex, 'Phone Numbers', phone)))];
		body = { phone_str: targets.join(',') };
	}
	const reconcile = async () => await findRemovedEntries(this, itemIndex, deleteBy === 'ids' ? 'id' : 'phone', targets);
	const read = (answer: IDataObject) => ({ removed: Number(answer.success ?? 0), notFound: Number(answer.fail ?? 0) });
	const { removed, notFound } = await yunkeApiWrite(this, { method: 'POST', endpoint: ENDPOINTS.dndDelete, body, itemIndex, read, reconcile });
	if (removed === 0) {
		throw new NodeOperationError(this.getNode(), `None of ${targets.join(', ')} was on the do-not-disturb list [item ${itemIndex}]`, {
			itemIndex,
			description: 'Nothing was removed. Check the numbers or IDs with Do-Not-Disturb → Get Many.',
		});
	}
	return { deleted: true, [deleteBy]: targets, removed, notFound };
}

import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { pick, readLimit } from '../../helpers/fields';
import { yunkeApiRequestAllItems } from '../../../transport';
import { containsFilter, filtersCollection, paginationFields, simplifyField } from '../common.descriptions';

const SIMPLE_FIELDS = ['id', 'skillgroup_sn', 'skillgroup_name', 'skillgroup_caption', 'strategy', 'skillgroup_all_busy', 'skillgroup_no_agent'] as const;

const properties: INodeProperties[] = [
	...paginationFields(),
	filtersCollection([containsFilter('Name Contains', 'name', 'Only skill groups whose name contains this text')]),
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['skillGroup'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const name = String((this.getNodeParameter('filters', itemIndex, {}) as { name?: string }).name ?? '').trim();
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const body: IDataObject = name ? { skillgroups_name: name } : {};
	const groups = await yunkeApiRequestAllItems.call(this, { method: 'POST', endpoint: ENDPOINTS.skillGroupList, body, itemIndex }, { limit });
	return simplify ? groups.map((group) => pick(group, SIMPLE_FIELDS)) : groups;
}

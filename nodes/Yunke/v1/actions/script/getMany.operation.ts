import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { yunkeApiRequestAllItems } from '../../../transport';
import { containsFilter, filtersCollection, paginationFields } from '../common.descriptions';
import { readLimit } from '../../helpers/fields';

const properties: INodeProperties[] = [
	...paginationFields(),
	filtersCollection([
		containsFilter('Name Contains', 'projectName', 'Only scripts whose name contains this text'),
		{
			displayName: 'Interruption Mode',
			name: 'voiceBreak',
			type: 'options',
			options: [
				{ name: 'Any', value: -1 },
				{ name: 'Interrupt on Keyword Match', value: 0 },
				{ name: 'Interrupt on Any Voice', value: 1 },
			],
			default: -1,
			description: 'Only scripts that let the customer interrupt the robot this way',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['script'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { projectName?: string; voiceBreak?: number };
	const body: IDataObject = {};
	if (filters.projectName) body.project_name = filters.projectName;
	if (filters.voiceBreak !== undefined && filters.voiceBreak >= 0) body.voice_break = filters.voiceBreak;
	return await yunkeApiRequestAllItems.call(
		this,
		{ method: 'POST', endpoint: ENDPOINTS.scriptList, body, itemIndex },
		{ limit },
	);
}

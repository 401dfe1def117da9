import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { locatorValue } from '../../helpers/fields';
import { requireText } from '../../helpers/validation';
import { yunkeApiRequest } from '../../../transport';
import { skillGroupLocator } from '../../../methods/locators';

const properties: INodeProperties[] = [skillGroupLocator];

export const description = updateDisplayOptions({ show: { resource: ['skillGroup'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sn = requireText(this, itemIndex, 'Skill Group', locatorValue(this, 'skillGroup', itemIndex));
	// 2.3.4's example sends the array as JSON text.
	const answer = await yunkeApiRequest.call(this, {
		method: 'POST',
		endpoint: ENDPOINTS.skillGroupDelete,
		body: { entityInstanceId: JSON.stringify([sn]) },
		itemIndex,
	});
	if (Number(answer.success_num ?? 0) < 1) {
		throw new NodeOperationError(this.getNode(), `Skill group "${sn}" was not deleted [item ${itemIndex}]`, {
			itemIndex,
			description: 'Yunke found no skill group with this SN. Pick the group from the list.',
		});
	}
	return { deleted: true, skillgroup_sn: sn };
}

import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { locatorValue } from '../../helpers/fields';
import { requireText } from '../../helpers/validation';
import { yunkeApiRequest, yunkeApiRequestAllItems } from '../../../transport';
import { skillGroupLocator } from '../../../methods/locators';

const properties: INodeProperties[] = [skillGroupLocator];

export const description = updateDisplayOptions({ show: { resource: ['skillGroup'], operation: ['delete'] } }, properties);

/**
 * 2.3.4 prints the list path of 2.3.1 as the delete's path and no page names another. A tenant that only
 * lists there answers with the list, which is a success envelope: the answer's shape and then the list
 * itself decide whether the group is gone.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sn = requireText(this, itemIndex, 'Skill Group', locatorValue(this, 'skillGroup', itemIndex));
	// 2.3.4's example sends the array as JSON text.
	const answer = await yunkeApiRequest.call(this, {
		method: 'POST',
		endpoint: ENDPOINTS.skillGroupDelete,
		body: { entityInstanceId: JSON.stringify([sn]) },
		itemIndex,
	});
	const notDeleted = (why: string) =>
		new NodeOperationError(this.getNode(), `Skill group "${sn}" was not deleted [item ${itemIndex}]`, { itemIndex, description: why });
	if (answer.success_num === undefined && (answer.total !== undefined || Array.isArray(answer.data))) {
		throw notDeleted(
			`Yunke answered the delete with its skill-group list, so this tenant does not delete at ${ENDPOINTS.skillGroupDelete}, the only path the vendor documents for it (2.3.4). Delete the group in the Yunke console.`,
		);
	}
	if (Number(answer.success_num ?? 0) < 1) throw notDeleted('Yunke found no skill group with this SN. Pick the group from the list.');
	const groups = await yunkeApiRequestAllItems.call(this, { method: 'POST', endpoint: ENDPOINTS.skillGroupList, body: {}, itemIndex });
	if (groups.some((group) => group.skillgroup_sn === sn)) {
		throw notDeleted('Yunke answered that the group was deleted, but it is still in the skill-group list. Check the group in the Yunke console.');
	}
	return { deleted: true, skillgroup_sn: sn };
}

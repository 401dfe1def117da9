import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS, SKILL_GROUP_PKEY } from '../../../shared/contract';
import { extraVendorFields, locatorValue } from '../../helpers/fields';
import { requireText } from '../../helpers/validation';
import { yunkeApiRequest } from '../../../transport';
import { additionalVendorFields, collection, optionsField } from '../common.descriptions';
import { skillGroupLocator } from '../../../methods/locators';

/** What a transferred call does when no agent takes it (2.3.3 `skillgroup_no_agent`, `skillgroup_all_busy`). */
const UNANSWERED_CALL_CHOICES = [
	{ name: 'Hang Up', value: 2 },
	{ name: 'Play Waiting Tone', value: 3 },
];

const properties: INodeProperties[] = [
	skillGroupLocator,
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description: 'Name of the skill group' },
	optionsField({ displayName: 'When No Agent Answers', name: 'noAgent', default: 1, description: 'What happens to a transferred call that the chosen agent does not answer' }, [
		...UNANSWERED_CALL_CHOICES,
		{ name: 'Try the Next Agent', value: 1 },
	]),
	collection('updateFields', [
		optionsField({ displayName: 'Distribution Strategy', name: 'strategy', default: 0, description: 'How transferred calls are given to the agents of the group' }, [
			{ name: 'Longest Idle Agent (Inbound and Outbound)', value: 1 },
			{ name: 'Longest Idle Agent (Inbound Only)', value: 0 },
			{ name: 'Round Robin by Call Count', value: 2 },
		]),
		optionsField({ displayName: 'When All Agents Are Busy', name: 'allBusy', default: 1 }, [
			...UNANSWERED_CALL_CHOICES,
			{ name: 'Round Robin by Call Count', value: 1 },
		]),
	]),
	additionalVendorFields(),
];

export const description = updateDisplayOptions({ show: { resource: ['skillGroup'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sn = requireText(this, itemIndex, 'Skill Group', locatorValue(this, 'skillGroup', itemIndex));
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as { strategy?: number; allBusy?: number };
	const body: IDataObject = {
		pkey: SKILL_GROUP_PKEY,
		entityInstanceId: sn,
		skillgroup_name: requireText(this, itemIndex, 'Name', this.getNodeParameter('name', itemIndex)),
	};
	if (fields.strategy !== undefined) body.strategy = fields.strategy;
	if (fields.allBusy !== undefined) body.skillgroup_all_busy = fields.allBusy;
	body.skillgroup_no_agent = this.getNodeParameter('noAgent', itemIndex) as number;
	Object.assign(body, extraVendorFields(this, itemIndex, Object.keys(body)));
	await yunkeApiRequest.call(this, { method: 'POST', endpoint: ENDPOINTS.skillGroupUpdate, body, itemIndex });
	const { pkey: _pkey, entityInstanceId: _sn, ...changed } = body;
	return { updated: true, skillgroup_sn: sn, ...changed };
}

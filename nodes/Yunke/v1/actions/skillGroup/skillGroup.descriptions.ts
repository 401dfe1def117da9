import type { INodeProperties } from 'n8n-workflow';

export const skillGroupLocator: INodeProperties = {
	displayName: 'Skill Group',
	name: 'skillGroup',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchSkillGroups', searchable: true } },
		{ displayName: 'By SN', name: 'id', type: 'string', placeholder: 'SKILLGROUP558c…' },
	],
};

import type { INodeProperties } from 'n8n-workflow';

export const roleIdField: INodeProperties = {
	displayName: 'Role Name or ID',
	name: 'roleId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getRoles' },
	default: '',
	required: true,
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const permissionsField: INodeProperties = {
	displayName: 'Permission Names or IDs',
	name: 'permissions',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getPermissions' },
	default: [],
	required: true,
	description:
		'What members of the role may do. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

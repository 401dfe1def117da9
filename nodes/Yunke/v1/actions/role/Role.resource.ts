import type { INodeProperties } from 'n8n-workflow';

import type { YunkeOperation } from '../node.type';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getPermissionTree from './getPermissionTree.operation';
import * as update from './update.operation';

export const operations: Record<string, YunkeOperation> = { create, delete: deleteOperation, get, getMany, getPermissionTree, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['role'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a role with a set of permissions', action: 'Create a role' },
			{ name: 'Delete', value: 'delete', description: 'Delete a role no sub-account uses', action: 'Delete a role' },
			{ name: 'Get', value: 'get', description: 'Read a role and its permission IDs', action: 'Get a role' },
			{ name: 'Get Many', value: 'getMany', description: 'List the permission roles', action: 'Get many roles' },
			{
				name: 'Get Permission Tree',
				value: 'getPermissionTree',
				description: 'List every permission that roles can grant, one item per permission',
				action: 'Get the permission tree',
			},
			{ name: 'Update', value: 'update', description: 'Replace the permissions or description of a role', action: 'Update a role' },
		],
		default: 'getMany',
	},
	...create.description,
	...deleteOperation.description,
	...get.description,
	...getMany.description,
	...getPermissionTree.description,
	...update.description,
];

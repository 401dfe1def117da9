import type { INodeProperties } from 'n8n-workflow';

import type { YunkeOperation } from '../node.type';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations: Record<string, YunkeOperation> = { create, delete: deleteOperation, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subAccount'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a sub-account with a role and an AI seat allotment',
				action: 'Create a sub account',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a sub-account by username',
				action: 'Delete a sub account',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the sub-accounts of the main account',
				action: 'Get many sub accounts',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the name, password, role, AI seats or extension of a sub-account',
				action: 'Update a sub account',
			},
		],
		default: 'getMany',
	},
	...create.description,
	...deleteOperation.description,
	...getMany.description,
	...update.description,
];

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
		displayOptions: { show: { resource: ['extension'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create an agent seat: a sub-account with an extension number, optional inbound number and AI seats',
				action: 'Create an extension',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete an extension and the sub-account behind it',
				action: 'Delete an extension',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the sub-accounts that have an extension number',
				action: 'Get many extensions',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the extension number, inbound number, AI seats or password of a seat',
				action: 'Update an extension',
			},
		],
		default: 'getMany',
	},
	...create.description,
	...deleteOperation.description,
	...getMany.description,
	...update.description,
];

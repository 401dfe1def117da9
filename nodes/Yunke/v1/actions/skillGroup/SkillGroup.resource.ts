import type { INodeProperties } from 'n8n-workflow';

import type { YunkeOperation } from '../node.type';
import * as deleteOperation from './delete.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations: Record<string, YunkeOperation> = { delete: deleteOperation, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['skillGroup'] } },
		options: [
			{ name: 'Delete', value: 'delete', description: 'Delete a skill group', action: 'Delete a skill group' },
			{ name: 'Get Many', value: 'getMany', description: 'List the skill groups', action: 'Get many skill groups' },
			{
				name: 'Update',
				value: 'update',
				description: 'Rename a skill group or change how it distributes transferred calls',
				action: 'Update a skill group',
			},
		],
		default: 'getMany',
	},
	...deleteOperation.description,
	...getMany.description,
	...update.description,
];

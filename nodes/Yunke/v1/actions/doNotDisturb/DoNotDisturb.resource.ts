import type { INodeProperties } from 'n8n-workflow';

import type { YunkeOperation } from '../node.type';
import * as add from './add.operation';
import * as deleteOperation from './delete.operation';
import * as download from './download.operation';
import * as getMany from './getMany.operation';

export const operations: Record<string, YunkeOperation> = { add, delete: deleteOperation, download, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['doNotDisturb'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				description: 'Block one number, or every number of an Excel file, from being called',
				action: 'Add numbers to the do not disturb list',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Take numbers off the do-not-disturb list by number or entry ID',
				action: 'Delete numbers from the do not disturb list',
			},
			{
				name: 'Download',
				value: 'download',
				description: 'Export the do-not-disturb list as an Excel file',
				action: 'Download the do not disturb list',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the numbers that must not be called',
				action: 'Get many do not disturb entries',
			},
		],
		default: 'getMany',
	},
	...add.description,
	...deleteOperation.description,
	...download.description,
	...getMany.description,
];

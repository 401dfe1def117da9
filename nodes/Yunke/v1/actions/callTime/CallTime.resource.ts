import type { INodeProperties } from 'n8n-workflow';

import type { YunkeOperation } from '../node.type';
import * as get from './get.operation';
import * as set from './set.operation';

export const operations: Record<string, YunkeOperation> = { get, set };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['callTime'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Read the weekly hours in which tasks may dial',
				action: 'Get the calling hours',
			},
			{
				name: 'Set',
				value: 'set',
				description: 'Replace the calling hours of every weekday and of holidays',
				action: 'Set the calling hours',
			},
		],
		default: 'get',
	},
	...get.description,
	...set.description,
];

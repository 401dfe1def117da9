import type { INodeProperties } from 'n8n-workflow';

import type { YunkeOperation } from '../node.type';
import * as set from './set.operation';

export const operations: Record<string, YunkeOperation> = { set };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['callback'] } },
		options: [
			{
				name: 'Set',
				value: 'set',
				description: 'Set where Yunke pushes call results and import results, or switch the pushes off',
				action: 'Set the URL that receives call results',
			},
		],
		default: 'set',
	},
	...set.description,
];

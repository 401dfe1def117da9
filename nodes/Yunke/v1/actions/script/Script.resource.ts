import type { INodeProperties } from 'n8n-workflow';

import type { YunkeOperation } from '../node.type';
import * as getMany from './getMany.operation';

export const operations: Record<string, YunkeOperation> = { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['script'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List AI call scripts',
				action: 'Get many scripts',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];

import type { INodeProperties } from 'n8n-workflow';

import type { YunkeOperation } from '../node.type';
import * as get from './get.operation';
import * as getImportTemplate from './getImportTemplate.operation';
import * as getMany from './getMany.operation';

export const operations: Record<string, YunkeOperation> = { get, getImportTemplate, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['script'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a script with its dialogue nodes',
				action: 'Get a script',
			},
			{
				name: 'Get Import Template',
				value: 'getImportTemplate',
				description: 'Get the columns (or the Excel file) that rows imported for this script must have',
				action: 'Get the import template of a script',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List AI call scripts',
				action: 'Get many AI call scripts',
			},
		],
		default: 'getMany',
	},
	...get.description,
	...getImportTemplate.description,
	...getMany.description,
];

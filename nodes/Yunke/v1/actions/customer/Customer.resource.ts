import type { INodeProperties } from 'n8n-workflow';

import type { YunkeOperation } from '../node.type';
import * as deleteOperation from './delete.operation';
import * as getMany from './getMany.operation';
import * as giveUp from './giveUp.operation';
import * as importOperation from './import.operation';
import * as share from './share.operation';

export const operations: Record<string, YunkeOperation> = {
	delete: deleteOperation,
	getMany,
	giveUp,
	import: importOperation,
	share,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete public-pool customers by phone number',
				action: 'Delete customers from the public pool',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the customers of the private or the public pool',
				action: 'Get many customers',
			},
			{
				name: 'Give Up',
				value: 'giveUp',
				description: 'Release private-pool customers to the public pool',
				action: 'Release private customers to the public pool',
			},
			{
				name: 'Import',
				value: 'import',
				description: 'Add customers to the private or public pool from input items or an Excel file',
				action: 'Import customers',
			},
			{
				name: 'Share',
				value: 'share',
				description: 'Let other sub-accounts follow up private-pool customers together with the owner',
				action: 'Share private customers with other sub accounts',
			},
		],
		default: 'getMany',
	},
	...deleteOperation.description,
	...getMany.description,
	...giveUp.description,
	...importOperation.description,
	...share.description,
];

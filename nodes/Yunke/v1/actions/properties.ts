import type { INodeProperties } from 'n8n-workflow';

import { batchingProperties } from './parallelism';
import { RESOURCES } from './resources';

const RESOURCE_OPTIONS: Array<{ name: string; value: string; description: string }> = [
	{ name: 'Call Record', value: 'callRecord', description: 'Call results, transcripts and recordings' },
	{ name: 'Call Time', value: 'callTime', description: 'The weekly hours in which tasks may dial' },
	{ name: 'Callback', value: 'callback', description: 'Where Yunke pushes call and import results' },
	{ name: 'Customer', value: 'customer', description: 'CRM customers in the private and public pools' },
	{ name: 'Do-Not-Disturb', value: 'doNotDisturb', description: 'Numbers that must never be called' },
	{ name: 'Extension', value: 'extension', description: 'Agent seats with an extension number and AI seats' },
	{ name: 'Role', value: 'role', description: 'Permission roles for sub-accounts' },
	{ name: 'Script', value: 'script', description: 'AI call scripts and their import templates' },
	{ name: 'Skill Group', value: 'skillGroup', description: 'Groups of agents that take transferred calls' },
	{ name: 'Sub-Account', value: 'subAccount', description: 'Sub-accounts of the main account' },
	{ name: 'Task', value: 'task', description: 'AI outbound calling tasks' },
];

/** The resource selector, every resource's operation selector and fields, then Batching (per-item operations that may run in parallel). */
export const nodeProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: RESOURCE_OPTIONS.filter((option) => option.value in RESOURCES),
		default: 'task',
	},
	...Object.values(RESOURCES).flatMap((resource) => resource.description),
	...batchingProperties,
];

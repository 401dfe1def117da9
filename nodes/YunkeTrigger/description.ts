import type { INodeProperties } from 'n8n-workflow';

import { taskSnLocator } from '../Yunke/methods/locators';
import { INTENT_LEVELS } from '../Yunke/shared/contract';
import { DEFAULT_DEDUPE_WINDOW } from './dedupe';
import { DEDUPE_WINDOW_BOUNDS, MAX_BODY_KB_BOUNDS } from './options';
import { DEFAULT_MAX_BODY_KB } from './security';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Registration',
		name: 'registration',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Automatic',
				value: 'automatic',
				description: 'Set the account callback URL through the API when the workflow is activated, and undo it when deactivated',
			},
			{
				name: 'Manual',
				value: 'manual',
				description: 'Paste the URL into the Yunke console yourself',
			},
		],
		default: 'manual',
	},
	{
		displayName:
			'Paste this node\'s Production URL followed by ?token=&lt;Secret Token&gt; into the Yunke console (callback settings), e.g. https://n8n.example.com/webhook/…/yunke?token=… Yunke has ONE callback URL per account: only one workflow can receive its pushes, and pasting the Test URL while testing takes the pushes away from the active workflow. Yunke requires http:// or https://; use https in production.',
		name: 'manualNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registration: ['manual'] } },
	},
	{
		displayName:
			'On activation this trigger points the account\'s callback URLs at its Production URL (with a generated secret token); on deactivation it restores the URL below, or switches the pushes off. Yunke has ONE callback URL per account, so this takes the pushes away from any other receiver. Listening for a test event registers the Test URL until the test ends, unless a workflow using this account is active: then it is refused and the account is left as it is.',
		name: 'automaticNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registration: ['automatic'] } },
	},
	{
		displayName: 'Secret Token',
		name: 'secretToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: { show: { registration: ['manual'] } },
		description:
			'A long random text (at least 16 characters) that every push must carry as ?token=… in its URL; pushes without it are rejected with HTTP 403',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: [
			{
				name: 'Call Result',
				value: 'callResult',
				description: 'A call record, pushed about a minute after hang-up',
			},
			{
				name: 'Import Finished',
				value: 'importFinished',
				description: 'The result of an asynchronous import of numbers into a task',
			},
		],
		default: ['callResult'],
		required: true,
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Intent Levels',
				name: 'intentLevels',
				type: 'multiOptions',
				options: INTENT_LEVELS.map((level) => ({ name: level, value: level })),
				default: [],
				description: 'Only call results the AI rated with one of these levels (A best … F worst)',
			},
			{
				displayName: 'Only Answered Calls',
				name: 'onlyAnswered',
				type: 'boolean',
				default: false,
				description: 'Whether to emit only call results of calls that were answered',
			},
			{
				...taskSnLocator,
				required: false,
				description: 'Only pushes about this task. A call result that names no task is passed on, with taskUnknown set to true.',
			},
		],
	},
	{
		displayName: 'Restore Callback URL',
		name: 'restoreCallbackUrl',
		type: 'string',
		default: '',
		displayOptions: { show: { registration: ['automatic'] } },
		placeholder: 'https://crm.example.com/yunke/calls',
		description:
			'The call-result URL to put back on deactivation (Yunke cannot report the current one). Leave empty to switch call-result pushes off.',
	},
	{
		displayName: 'Restore Import Callback URL',
		name: 'restoreImportUrl',
		type: 'string',
		default: '',
		displayOptions: { show: { registration: ['automatic'], events: ['importFinished'] } },
		description: 'The import-result URL to put back on deactivation. Leave empty to switch import pushes off.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Duplicate Window',
				name: 'dedupeWindow',
				type: 'number',
				typeOptions: { minValue: DEDUPE_WINDOW_BOUNDS.min, maxValue: DEDUPE_WINDOW_BOUNDS.max },
				default: DEFAULT_DEDUPE_WINDOW,
				description:
					'How many recent call records (by sn) and import results to remember; a push seen again within the window is answered but not emitted',
			},
			{
				displayName: 'Max Body Size (KB)',
				name: 'maxBodyKb',
				type: 'number',
				typeOptions: { minValue: MAX_BODY_KB_BOUNDS.min, maxValue: MAX_BODY_KB_BOUNDS.max },
				default: DEFAULT_MAX_BODY_KB,
				description: 'Pushes with a larger body are rejected with HTTP 413 and not emitted',
			},
		],
	},
];

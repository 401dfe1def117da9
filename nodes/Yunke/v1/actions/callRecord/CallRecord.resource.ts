import type { INodeProperties } from 'n8n-workflow';

import type { YunkeOperation } from '../node.type';
import * as downloadRecording from './downloadRecording.operation';
import * as getMany from './getMany.operation';
import * as getOutcomes from './getOutcomes.operation';
import * as getTranscript from './getTranscript.operation';

export const operations: Record<string, YunkeOperation> = { downloadRecording, getMany, getOutcomes, getTranscript };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['callRecord'] } },
		options: [
			{
				name: 'Download Recording',
				value: 'downloadRecording',
				description: 'Download the audio of a call, or of one customer reply, as a file',
				action: 'Download a call recording',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List call records (results of AI calls: answered or why not, intent level, talk time) with filters',
				action: 'Get many call records and their outcomes',
			},
			{
				name: 'Get Outcomes',
				value: 'getOutcomes',
				description: 'For each lead (a number and its task): the latest call’s outcome and the number of calls, or that it was not called yet or is not in the task',
				action: 'Get the call outcomes of leads',
			},
			{
				name: 'Get Transcript',
				value: 'getTranscript',
				description: 'Get what the robot and the customer said in a call',
				action: 'Get the transcript of a call',
			},
		],
		default: 'getMany',
	},
	...downloadRecording.description,
	...getMany.description,
	...getOutcomes.description,
	...getTranscript.description,
];

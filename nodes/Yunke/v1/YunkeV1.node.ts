import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { nodeProperties } from './actions/properties';
import { router } from './actions/router';
import { listSearch, loadOptions, resourceMapping } from './methods';

export class YunkeV1 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Yunke',
		name: 'yunke',
		// Resolved by n8n against Yunke.node.ts; the links in v1/ only let the icon linter find the files.
		icon: { light: 'file:yunke.svg', dark: 'file:yunke.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Run AI outbound calling on Yunke: extensions, call lists, tasks, call records, transcripts and recordings',
		defaults: { name: 'Yunke' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'yunkeApi', required: true }],
		properties: nodeProperties,
	};

	methods = { listSearch, loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

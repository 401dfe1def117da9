import { VersionedNodeType } from 'n8n-workflow';
import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';

import { YunkeV1 } from './v1/YunkeV1.node';

export class Yunke extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Yunke',
			name: 'yunke',
			icon: { light: 'file:yunke.svg', dark: 'file:yunke.dark.svg' },
			group: ['transform'],
			description:
				'Run AI outbound calling on Yunke: extensions, call lists, tasks, call records, transcripts and recordings',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = { 1: new YunkeV1() };
		super(nodeVersions, baseDescription);
	}
}

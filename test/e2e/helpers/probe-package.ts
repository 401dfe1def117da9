/**
 * A throw-away community package (plain JS, no build) used to prove the real-n8n tooling
 * independently of n8n-nodes-yunke: credential `probeApi`, action node `n8n-nodes-probe.probe`
 * (ping / echoAuth) and webhook trigger node `n8n-nodes-probe.probeTrigger`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const PROBE_PACKAGE = 'n8n-nodes-probe';

const credential = `
class ProbeApi {
	constructor() {
		this.name = 'probeApi';
		this.displayName = 'Probe API';
		this.documentationUrl = 'https://example.com';
		this.properties = [
			{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		];
		this.authenticate = { type: 'generic', properties: { headers: { 'X-API-KEY': '={{$credentials.apiKey}}' } } };
	}
}
module.exports = { ProbeApi };
`;

const node = `
const { NodeOperationError } = require('n8n-workflow');
class Probe {
	constructor() {
		this.description = {
			displayName: 'Probe', name: 'probe', group: ['transform'], version: 1, description: 'probe',
			defaults: { name: 'Probe' }, inputs: ['main'], outputs: ['main'],
			credentials: [{ name: 'probeApi', required: false }],
			properties: [
				{ displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'ping',
				  options: [{ name: 'Ping', value: 'ping' }, { name: 'Echo Auth', value: 'echoAuth' }] },
				{ displayName: 'Base URL', name: 'url', type: 'string', default: '', displayOptions: { show: { operation: ['ping'] } } },
				{ displayName: 'Message', name: 'message', type: 'string', default: '' },
			],
		};
	}
	async execute() {
		const items = this.getInputData();
		const out = [];
		for (let i = 0; i < items.length; i++) {
			const operation = this.getNodeParameter('operation', i);
			const message = this.getNodeParameter('message', i);
			let json;
			if (operation === 'ping') {
				const url = this.getNodeParameter('url', i);
				json = await this.helpers.httpRequest({ url: url + '/ping', qs: { message }, json: true });
			} else if (operation === 'echoAuth') {
				const creds = await this.getCredentials('probeApi');
				json = await this.helpers.httpRequestWithAuthentication.call(this, 'probeApi', {
					method: 'POST', url: creds.baseUrl + '/echo', body: { message }, json: true });
			} else {
				throw new NodeOperationError(this.getNode(), 'unknown operation ' + operation, { itemIndex: i });
			}
			out.push({ json, pairedItem: { item: i } });
		}
		return [out];
	}
}
module.exports = { Probe };
`;

const trigger = `
class ProbeTrigger {
	constructor() {
		this.description = {
			displayName: 'Probe Trigger', name: 'probeTrigger', group: ['trigger'], version: 1, description: 'probe webhook',
			defaults: { name: 'Probe Trigger' }, inputs: [], outputs: ['main'],
			webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: '={{$parameter["path"]}}', isFullPath: true }],
			properties: [{ displayName: 'Path', name: 'path', type: 'string', default: 'probe' }],
		};
	}
	async webhook() {
		const req = this.getRequestObject();
		return { workflowData: [this.helpers.returnJsonArray([{ body: req.body, query: req.query, signature: req.headers['x-probe-signature'] || null }])] };
	}
}
module.exports = { ProbeTrigger };
`;

/** Write the probe package into `dir` (created) and return `dir`; pack it with `packPackage({ packageDir: dir })`. */
export function writeProbePackage(dir: string): string {
	const files: Record<string, string> = {
		'package.json': JSON.stringify(
			{
				name: PROBE_PACKAGE,
				version: '0.1.0',
				license: 'MIT',
				keywords: ['n8n-community-node-package'],
				files: ['dist'],
				n8n: {
					n8nNodesApiVersion: 1,
					strict: true,
					credentials: ['dist/credentials/ProbeApi.credentials.js'],
					nodes: ['dist/nodes/Probe/Probe.node.js', 'dist/nodes/ProbeTrigger/ProbeTrigger.node.js'],
				},
				peerDependencies: { 'n8n-workflow': '*' },
			},
			null,
			2,
		),
		'dist/credentials/ProbeApi.credentials.js': credential,
		'dist/nodes/Probe/Probe.node.js': node,
		'dist/nodes/ProbeTrigger/ProbeTrigger.node.js': trigger,
	};
	for (const [rel, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
		fs.writeFileSync(path.join(dir, rel), text);
	}
	return dir;
}

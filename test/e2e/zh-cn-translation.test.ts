/**
 * Why the package ships no zh-CN translation (docs/zh-cn-labels.md), checked against the real
 * n8n 2.41.1 with N8N_DEFAULT_LOCALE=zh-CN and a translation file put into the installed package:
 * the server reads the file, but the editor never asks for it and would file it under another key.
 * If a new n8n makes one of these checks fail, community translations may work: ship them then.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { N8nInstance } from '../../scripts/n8n/instance';

const NODE_TYPE = 'n8n-nodes-yunke.yunke';
const TRANSLATION = { header: { displayName: '云客' }, nodeView: { resource: { displayName: '资源', options: { task: { displayName: '外呼任务' } } } } };

interface NodeDescription {
	name: string;
	version: number | number[];
	properties?: unknown[];
	translation?: unknown;
}

let n8n: N8nInstance;

beforeAll(async () => {
	n8n = await N8nInstance.create({ env: { N8N_DEFAULT_LOCALE: 'zh-CN' } });
	const installed = n8n.installPackage();
	// where NodeTypes.getNodeTranslationPath looks: <node folder>/v<highest version>/translations/<locale>/<name>.json
	const folder = path.join(installed, 'dist/nodes/Yunke/v1/translations/zh-CN');
	fs.mkdirSync(folder, { recursive: true });
	fs.writeFileSync(path.join(folder, 'yunke.json'), JSON.stringify(TRANSLATION));
	await n8n.start();
});

afterAll(async () => {
	await n8n?.dispose();
});

it('the server reads the file and sends it from POST /rest/node-types, under the short name "yunke"', async () => {
	const { data } = await n8n.rest<NodeDescription[]>('POST', '/rest/node-types', { nodeInfos: [{ name: NODE_TYPE, version: 1 }] });
	expect(data).toHaveLength(1);
	expect(data[0].translation).toEqual(TRANSLATION);
	// the editor files translations under this name, but looks them up under the node's type
	expect(data[0].name).toBe('yunke');
});

it('the editor has no reason to ask for it: /types/nodes.json already holds the node with its properties', async () => {
	const types = (await n8n.rest<unknown>('GET', '/types/nodes.json')) as unknown as NodeDescription[];
	const yunke = types.find((type) => type.name === NODE_TYPE);
	expect(yunke?.properties?.length).toBeGreaterThan(0);
	expect(yunke).not.toHaveProperty('translation');
});

it('credential translations are read from n8n-nodes-base only', async () => {
	const { data } = await n8n.rest<unknown>('GET', '/rest/credential-translation?credentialType=yunkeApi');
	expect(data).toBeNull();
});

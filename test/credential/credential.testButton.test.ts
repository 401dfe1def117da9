/**
 * The credential's Test button: n8n runs `test.request` as the property of a throwaway declarative node
 * (credentials-tester.service in n8n 2.41.1) through its request helpers, logging in first. A redirect
 * answer is not followed, so the session key is never sent to the address the answer names.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INodeType } from 'n8n-workflow';

import { YunkeApi } from '../../credentials/YunkeApi.credentials';
import { ENDPOINTS } from '../../nodes/Yunke/shared/contract';
import type { Sandbox } from '../../sandbox/server';
import { TestEngine } from '../harness/engine';
import { passwordCredential, startSandbox } from '../helpers/sandbox';
import { CREDENTIAL_REF } from '../helpers/yunke';

/** What n8n builds around `test.request` when the Test button is pressed. */
const credentialTestNode: INodeType = {
	description: {
		displayName: 'Credential Test',
		name: 'credentialTest',
		group: ['transform'],
		version: 1,
		description: 'n8n runs the credential test as this node',
		defaults: { name: 'Credential Test' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'yunkeApi', required: true }],
		properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: new YunkeApi().test.request } }],
	},
};

let sandbox: Sandbox;
let engine: TestEngine;
let elsewhere: http.Server;
const elsewhereRequests: string[] = [];

beforeAll(async () => {
	sandbox = await startSandbox();
	engine = new TestEngine({
		nodeTypes: { 'test.credentialTest': credentialTestNode },
		credentialTypes: { yunkeApi: new YunkeApi() },
		credentials: [{ id: CREDENTIAL_REF.yunkeApi.id, name: CREDENTIAL_REF.yunkeApi.name, type: 'yunkeApi', data: passwordCredential(sandbox) }],
	});
	elsewhere = http.createServer((req, res) => {
		elsewhereRequests.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)}`);
		res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":0,"data":{}}');
	});
	await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
	await sandbox.stop();
	await new Promise((resolve) => elsewhere.close(resolve));
});

const runTest = async () => await engine.runNode({ type: 'test.credentialTest', typeVersion: 1, parameters: { temp: '' }, credentials: CREDENTIAL_REF });

it('passes against the tenant itself', async () => {
	expect((await runTest()).status).toBe('success');
});

it('does not follow a redirect of the test request: nothing reaches the other address, and the test fails', async () => {
	const location = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}${ENDPOINTS.scriptOptions}`;
	sandbox.injectFault({ path: ENDPOINTS.scriptOptions, count: 5, action: { type: 'redirect', status: 307, location } });
	const result = await runTest();
	expect(elsewhereRequests).toEqual([]);
	expect(result.status).toBe('error');
});

/**
 * The Yunke API credential inside the real n8n server (2.41.1): the editor's "Test" button
 * (POST /rest/credentials/test) and the login cache n8n persists between executions.
 */
import { N8nInstance, nodeOutput } from '../../scripts/n8n/instance';
import { DEMO_LOGIN } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { startSandbox } from '../helpers/sandbox';

let sandbox: Sandbox;
let n8n: N8nInstance;

const GOOD = { id: 'yunkeCredGood00001', name: 'Yunke good', type: 'yunkeApi' };
const WRONG = { id: 'yunkeCredWrong0001', name: 'Yunke wrong password', type: 'yunkeApi' };
const ACCESS = { id: 'yunkeCredAccess001', name: 'Yunke access id', type: 'yunkeApi' };

function credentialData(overrides: Record<string, unknown> = {}) {
	return { baseUrl: sandbox.url, authentication: 'password', username: DEMO_LOGIN.username, password: DEMO_LOGIN.password, ...overrides };
}

const listScripts = {
	id: 'yunkeWfListScripts',
	name: 'List scripts',
	nodes: [
		{ id: 'a1111111-1111-4111-8111-111111111111', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'a2222222-2222-4222-8222-222222222222',
			name: 'Yunke',
			type: 'n8n-nodes-yunke.yunke',
			typeVersion: 1,
			position: [220, 0],
			parameters: { resource: 'script', operation: 'getMany', returnAll: true },
			credentials: { yunkeApi: { id: GOOD.id, name: GOOD.name } },
		},
	],
	connections: { Start: { main: [[{ node: 'Yunke', type: 'main', index: 0 }]] } },
};

async function testCredential(ref: { id: string; name: string; type: string }, data: Record<string, unknown>) {
	const response = await n8n.rest<{ status: string; message: string }>('POST', '/rest/credentials/test', {
		credentials: { ...ref, data },
	});
	return response.data;
}

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await N8nInstance.create();
	n8n.installPackage();
	await n8n.importCredentials([
		{ ...GOOD, data: credentialData() },
		{ ...WRONG, data: credentialData({ password: 'Not-The-Password-1' }) },
		{ ...ACCESS, data: credentialData({ authentication: 'accessId', accessId: DEMO_LOGIN.accessId, accessSecret: DEMO_LOGIN.accessSecret }) },
	]);
	await n8n.importWorkflow(listScripts);
});

afterAll(async () => {
	await n8n?.dispose();
	await sandbox?.stop();
});

describe('the login is cached by n8n across executions', () => {
	it('two executions of a workflow log in once; the second reuses the key n8n stored', async () => {
		const first = await n8n.execute(listScripts.id);
		expect(first.execution?.status).toBe('success');
		expect(nodeOutput(first.execution?.data, 'Yunke').map((json) => json.project_name)).toEqual(['房产回访', '催缴提醒', '空模板']);
		const second = await n8n.execute(listScripts.id);
		expect(second.execution?.status).toBe('success');
		expect(sandbox.auth.logins).toBe(1);
		expect(sandbox.requestsTo('/api/templatelist')).toHaveLength(2);
	});

	it('after the key was replaced elsewhere, the next execution logs in once more and succeeds', async () => {
		sandbox.auth.invalidate();
		const run = await n8n.execute(listScripts.id);
		expect(run.execution?.status).toBe('success');
		expect(sandbox.auth.logins).toBe(2);
	});
});

describe('the credential Test button in the editor', () => {
	beforeAll(async () => await n8n.start());
	afterAll(async () => await n8n.stop());

	it('passes for working username/password and access id/secret credentials', async () => {
		expect(await testCredential(GOOD, credentialData())).toMatchObject({ status: 'OK' });
		expect(
			await testCredential(ACCESS, credentialData({ authentication: 'accessId', accessId: DEMO_LOGIN.accessId, accessSecret: DEMO_LOGIN.accessSecret })),
		).toMatchObject({ status: 'OK' });
	});

	it('fails with the vendor code and an English reason for a wrong password (20004), without echoing it', async () => {
		const result = await testCredential(WRONG, credentialData({ password: 'Not-The-Password-1' }));
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Yunke rejected the login details (code 20004: 用户名或者密码错误)');
		expect(result.message).not.toContain('Not-The-Password-1');
	});

	it('fails for an account without API permission (20007) and for a rejected signature (10001)', async () => {
		sandbox.data.account.apiPermission = false;
		const noPermission = await testCredential(GOOD, credentialData());
		sandbox.data.account.apiPermission = true;
		expect(noPermission.status).toBe('Error');
		expect(noPermission.message).toContain('no API access (code 20007');

		sandbox.injectFault({ path: '/api/login', action: { type: 'code', code: 10001 } });
		const badSignature = await testCredential(GOOD, credentialData());
		expect(badSignature.status).toBe('Error');
		expect(badSignature.message).toContain('request signature (url parameter) (code 10001');
	});

	it("fails on every catalogued non-zero code of the test call, number or text, with the catalogue's message", async () => {
		sandbox.injectFault({ path: '/api/getProjects', action: { type: 'code', code: 30008 } });
		const wrongType = await testCredential(GOOD, credentialData());
		expect(wrongType.status).toBe('Error');
		expect(wrongType.message).toContain('A field has the wrong type (Yunke code 30008).');

		sandbox.injectFault({ path: '/api/getProjects', action: { type: 'stringCode', code: 20001 } });
		const wrongMethod = await testCredential(GOOD, credentialData());
		expect(wrongMethod.status).toBe('Error');
		expect(wrongMethod.message).toContain('Yunke did not accept how the request was sent (Yunke code 20001).');
	});

	it('fails with a clear message for an unreachable Base URL', async () => {
		const result = await testCredential(GOOD, credentialData({ baseUrl: 'http://127.0.0.1:9' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/ECONNREFUSED|refused/i);
	});
});

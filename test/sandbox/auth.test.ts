import axios from 'axios';

import { md5Hex } from '../../nodes/Yunke/shared/signature';
import { formatChinaTime } from '../../nodes/Yunke/shared/chinaTime';
import type { Sandbox } from '../../sandbox/server';
import { DEMO_LOGIN, RawClient, accessIdCredential, passwordCredential, startSandbox } from '../helpers/sandbox';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox()));
afterAll(async () => await sandbox.stop());
beforeEach(() => sandbox.reset());

const post = (path: string, body: unknown) => axios.post(`${sandbox.url}${path}`, body, { validateStatus: () => true });

describe('sandbox login', () => {
	it('logs in with username and password when the url signature matches', async () => {
		const client = new RawClient(passwordCredential(sandbox));
		await client.login();
		expect(client.session.apiKey).toMatch(/^[A-Za-z0-9]{8}$/);
		expect(client.session.userSn).toBe(sandbox.data.account.userSn);
		expect(sandbox.auth.logins).toBe(1);
	});

	it('answers 10001 when the url signature is wrong and 20004 for a wrong password', async () => {
		const bad = await post('/api/login', { username: 'demo', password: DEMO_LOGIN.password, from: '2', url: 'deadbeef' });
		expect(bad.data).toEqual({ code: 10001, msg: 'url验证失败' });
		const body = { username: 'demo', password: 'nope', from: '2' };
		const url = md5Hex(JSON.stringify(body)).slice(1, 9);
		expect((await post('/api/login', { ...body, url })).data.code).toBe(20004);
	});

	it('logs in with access id and md5 sign within the five-minute window only', async () => {
		const client = new RawClient(accessIdCredential(sandbox));
		await client.login();
		expect(client.session.apiKey).toBeTruthy();
		const stale = formatChinaTime(new Date(Date.now() - 6 * 60_000));
		const sign = md5Hex(`${DEMO_LOGIN.accessId}${DEMO_LOGIN.accessSecret}${stale}`);
		const answer = await post('/api/login', { api_access_id: DEMO_LOGIN.accessId, from: 1, sign, timestamp: stale });
		expect(answer.data.code).toBe(20004);
	});

	it('answers 20003 for an unknown client type and 20007 without API permission', async () => {
		expect((await post('/api/login', { username: 'demo', from: '9' })).data.code).toBe(20003);
		sandbox.data.account.apiPermission = false;
		await expect(new RawClient(passwordCredential(sandbox)).login()).rejects.toThrow(/no API access \(code 20007/);
	});
});

describe('sandbox api keys', () => {
	it('accepts signed calls with the current key and rejects a key replaced by a new login (20005)', async () => {
		const first = new RawClient(passwordCredential(sandbox));
		await first.login();
		expect((await first.call('POST', '/api/getProjects')).data.code).toBe(0);
		const second = new RawClient(accessIdCredential(sandbox));
		await second.login();
		expect((await first.call('POST', '/api/getProjects')).data).toEqual({ code: 20005, msg: 'api_key验证失败' });
		expect((await second.call('POST', '/api/getProjects')).data.code).toBe(0);
	});

	it('expires keys after the configured lifetime (20006)', async () => {
		const client = new RawClient(passwordCredential(sandbox));
		await client.login();
		expect(client.session.expiresAt).toBe(sandbox.clock.nowSeconds() + 7200);
		sandbox.clock.advance(7201_000);
		expect((await client.call('POST', '/api/getProjects')).data.code).toBe(20006);
	});

	it('checks the url signature of business calls (10001) and the HTTP method (20001)', async () => {
		const client = new RawClient(passwordCredential(sandbox));
		await client.login();
		const tampered = await post('/api/templatelist', { user_sn: client.session.userSn, api_key: client.session.apiKey, url: '00000000' });
		expect(tampered.data.code).toBe(10001);
		const wrongMethod = await client.call('GET', '/api/templatelist');
		expect(JSON.parse(Buffer.from(wrongMethod.data).toString()).code).toBe(20001);
	});
});

describe('sandbox control API', () => {
	it('injects faults for the next N calls and records every request', async () => {
		const client = new RawClient(passwordCredential(sandbox));
		await client.login();
		await post('/__control/faults', { path: '/api/getProjects', count: 2, action: { type: 'code', code: 500 } });
		expect((await client.call('POST', '/api/getProjects')).data.code).toBe(500);
		expect((await client.call('POST', '/api/getProjects')).data.code).toBe(500);
		expect((await client.call('POST', '/api/getProjects')).data.code).toBe(0);
		const log = (await axios.get(`${sandbox.url}/__control/log`)).data.requests;
		expect(log.map((entry: { path: string }) => entry.path)).toEqual(['/api/login', '/api/getProjects', '/api/getProjects', '/api/getProjects']);
		expect(log[1].paramOrder).toEqual(['user_sn', 'api_key', 'url']);
	});

	it('resets connections, sends HTML, empty and truncated bodies on demand', async () => {
		const client = new RawClient(passwordCredential(sandbox));
		await client.login();
		sandbox.injectFault({ path: '/api/getProjects', action: { type: 'reset' } });
		await expect(client.call('POST', '/api/getProjects')).rejects.toThrow(/socket hang up|ECONNRESET/);
		sandbox.injectFault({ path: '/api/getProjects', action: { type: 'html' } });
		expect(String((await client.call('POST', '/api/getProjects')).data)).toContain('<html>');
		sandbox.injectFault({ path: '/api/getProjects', action: { type: 'empty' } });
		expect((await client.call('POST', '/api/getProjects')).data).toBe('');
		await post('/__control/invalidate-key', {});
		expect((await client.call('POST', '/api/getProjects')).data.code).toBe(20005);
	});
});

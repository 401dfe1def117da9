import { VENDOR_ERRORS } from '../../nodes/Yunke/shared/errorCatalogue';
import { DEMO_LOGIN, RawClient, passwordCredential } from '../helpers/sandbox';
import { jsonOf, yunkeTestBed } from '../helpers/yunke';
import { useBed } from '../helpers/bed';

const LIST_SCRIPTS = { resource: 'script', operation: 'getMany', returnAll: true };
const FIVE_ITEMS = [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }, { n: 5 }];

const bed = useBed({ credential: { timeoutSeconds: 2 } });

const listCalls = () => bed.sandbox.requestsTo('/api/templatelist');

describe('session handling: one login per credential, never per item', () => {
	it('a cold credential logs in once for N items and persists the key, a warm one not at all', async () => {
		const startedAt = bed.sandbox.clock.nowSeconds();
		const first = await bed.run(LIST_SCRIPTS, FIVE_ITEMS);
		const finishedAt = bed.sandbox.clock.nowSeconds();
		expect(first.status).toBe('success');
		expect(bed.sandbox.auth.logins).toBe(1);
		expect(listCalls()).toHaveLength(5);
		const stored = bed.storedSession();
		expect(stored.apiKey).toBe(bed.sandbox.auth.currentKey());
		expect(stored.userSn).toBe(bed.sandbox.data.account.userSn);
		// the key's own expiry (2 hours after the login), not the clock when this line runs on a slow machine
		expect(Number(stored.expiresAt)).toBe((bed.sandbox.requestsTo('/api/login')[0].answer as { data: { api_key_expire: number } }).data.api_key_expire);
		expect(Number(stored.expiresAt)).toBeGreaterThanOrEqual(startedAt + 7200);
		expect(Number(stored.expiresAt)).toBeLessThanOrEqual(finishedAt + 7200);

		const second = await bed.run(LIST_SCRIPTS, FIVE_ITEMS);
		expect(second.status).toBe('success');
		expect(bed.sandbox.auth.logins).toBe(1);
		expect(listCalls()).toHaveLength(10);
	});

	it('logs in with access id and secret when the credential says so', async () => {
		const accessBed = await yunkeTestBed({ authentication: 'accessId', accessId: DEMO_LOGIN.accessId, accessSecret: DEMO_LOGIN.accessSecret });
		try {
			expect((await accessBed.run(LIST_SCRIPTS)).status).toBe('success');
			const login = accessBed.sandbox.requestsTo('/api/login')[0];
			expect(login.paramOrder).toEqual(['api_access_id', 'from', 'sign', 'timestamp']);
			expect(login.params.from).toBe(1);
		} finally {
			await accessBed.close();
		}
	});

	it('after another login replaced the key (20005) it logs in exactly once more, retries and persists the new key', async () => {
		await bed.run(LIST_SCRIPTS);
		const oldKey = bed.storedSession().apiKey;
		const other = new RawClient(passwordCredential(bed.sandbox));
		await other.login();
		// one item after another: the first meets the dead key, the others use the new one (router.parallel.test.ts: in flight)
		const result = await bed.run({ ...LIST_SCRIPTS, batching: { requestsInParallel: 1 } }, FIVE_ITEMS);
		expect(result.status).toBe('success');
		expect(jsonOf(result.outputs[0])).toHaveLength(15);
		expect(bed.sandbox.auth.logins).toBe(3);
		const answers = listCalls().map((call) => (call.answer as { code: number }).code);
		expect(answers).toEqual([0, 20005, 0, 0, 0, 0, 0]);
		expect(bed.storedSession().apiKey).toBe(bed.sandbox.auth.currentKey());
		expect(bed.storedSession().apiKey).not.toBe(oldKey);
	});

	it('an expired key (20006) is renewed the same way', async () => {
		await bed.run(LIST_SCRIPTS);
		bed.sandbox.auth.expireNow();
		const result = await bed.run(LIST_SCRIPTS);
		expect(result.status).toBe('success');
		expect(listCalls().map((call) => (call.answer as { code: number }).code)).toEqual([0, 20006, 0]);
		expect(bed.sandbox.auth.logins).toBe(2);
	});

	it('logs in before sending when the stored key is about to expire, without a wasted call', async () => {
		await bed.run(LIST_SCRIPTS);
		const entry = bed.engine.credentialStore.get('yunke-cred-1')!;
		bed.engine.setCredential({ ...entry, data: { ...entry.data, expiresAt: Math.floor(Date.now() / 1000) + 10 } });
		expect((await bed.run(LIST_SCRIPTS)).status).toBe('success');
		expect(listCalls().map((call) => (call.answer as { code: number }).code)).toEqual([0, 0]);
		expect(bed.sandbox.auth.logins).toBe(2);
	});

	it('does not reuse a key stored for other login details', async () => {
		await bed.run(LIST_SCRIPTS);
		const entry = bed.engine.credentialStore.get('yunke-cred-1')!;
		bed.engine.setCredential({ ...entry, data: { ...entry.data, sessionFor: 'someone-else' } });
		expect((await bed.run(LIST_SCRIPTS)).status).toBe('success');
		expect(bed.sandbox.auth.logins).toBe(2);
		expect(listCalls().every((call) => (call.answer as { code: number }).code === 0)).toBe(true);
	});

	it('gives up after one re-login when the key keeps being rejected', async () => {
		await bed.run(LIST_SCRIPTS);
		bed.sandbox.injectFault({ path: '/api/templatelist', count: 5, action: { type: 'code', code: 20005 } });
		const result = await bed.run(LIST_SCRIPTS, [{}], { onError: 'continueErrorOutput' });
		expect(bed.sandbox.auth.logins).toBe(2);
		expect(result.outputs[1][0].json.error).toBe('Yunke rejected the session key (Yunke code 20005)');
	});
});

describe('vendor error codes become English errors with the item, the fix and the vendor details', () => {
	const codes = Object.keys(VENDOR_ERRORS).map(Number).filter((code) => code !== 20005 && code !== 20006);

	it.each(codes)('code %i', async (code) => {
		// the message travels with the fault: the sandbox's own error table has no text for 100001
		bed.sandbox.injectFault({ path: '/api/templatelist', action: { type: 'code', code, msg: VENDOR_ERRORS[code].vendorMessage } });
		const result = await bed.run(LIST_SCRIPTS, [{}], { onError: 'continueErrorOutput' });
		expect(result.outputs[0]).toHaveLength(0);
		const [item] = result.outputs[1];
		const known = VENDOR_ERRORS[code];
		expect(item.json.error).toBe(`${known.message} (Yunke code ${code})`);
		expect(item.pairedItem).toEqual({ item: 0 });
		const error = item.error!;
		expect(error.description).toContain(known.description);
		expect(error.description).toContain(`Vendor message: ${known.vendorMessage}`);
		expect(error.description).toContain('/api/templatelist');
		expect(error.context.itemIndex).toBe(0);
		expect((error as unknown as { httpCode: string }).httpCode).toBe(String(code));
	});

	it('an unknown code and a code sent as a string are still read', async () => {
		bed.sandbox.injectFault({ path: '/api/templatelist', action: { type: 'code', code: 77777, msg: '未知' } });
		bed.sandbox.injectFault({ path: '/api/templatelist', action: { type: 'stringCode', code: 30011 } });
		const result = await bed.run(LIST_SCRIPTS, [{}, {}], { onError: 'continueErrorOutput' });
		expect(jsonOf(result.outputs[1]).map((json) => json.error)).toEqual([
			'Yunke answered with an unknown code 77777 (Yunke code 77777)',
			'The task does not exist (Yunke code 30011)',
		]);
		expect(result.outputs[1].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('stops the workflow with the item index when Continue On Fail is off', async () => {
		bed.sandbox.injectFault({ path: '/api/templatelist', skip: 1, action: { type: 'code', code: 20007 } });
		const result = await bed.run(LIST_SCRIPTS, [{}, {}]);
		expect(result.status).toBe('error');
		expect(result.nodeError?.message).toBe('This Yunke account has no API access (Yunke code 20007)');
		expect(result.nodeError?.context.itemIndex).toBe(1);
	});

	it('with Continue (regular output) the error stays on the main output with its item', async () => {
		bed.sandbox.injectFault({ path: '/api/templatelist', action: { type: 'code', code: 500 } });
		const result = await bed.run(LIST_SCRIPTS, [{}], { onError: 'continueRegularOutput' });
		expect(result.outputs[0][0].json).toEqual({ error: 'The Yunke server failed (Yunke code 500)' });
		expect(result.outputs[0][0].pairedItem).toEqual({ item: 0 });
	});
});

describe('transport faults', () => {
	const cases: Array<[string, object, string]> = [
		['an HTML page', { type: 'html' }, 'The Yunke server answered with something that is not JSON'],
		['an empty body', { type: 'empty' }, 'The Yunke server sent an empty answer'],
		['garbage', { type: 'garbage' }, 'The Yunke server answered with something that is not JSON'],
		['truncated JSON', { type: 'truncated' }, 'The Yunke server answered with something that is not JSON'],
		['HTTP 502', { type: 'http', status: 502 }, 'The Yunke server answered with an HTTP error 502'],
		['a reset connection', { type: 'reset' }, 'The connection to the Yunke server broke before an answer arrived'],
	];

	it.each(cases)('a read survives one %s by retrying', async (_label, action) => {
		await bed.run(LIST_SCRIPTS);
		bed.sandbox.injectFault({ path: '/api/templatelist', action: action as never });
		const result = await bed.run(LIST_SCRIPTS);
		expect(result.status).toBe('success');
		expect(jsonOf(result.outputs[0])).toHaveLength(3);
	});

	it.each(cases)('a read gives a clear error after repeated %s', async (_label, action, message) => {
		await bed.run(LIST_SCRIPTS);
		bed.sandbox.injectFault({ path: '/api/templatelist', count: 4, action: action as never });
		const result = await bed.run(LIST_SCRIPTS, [{}], { onError: 'continueErrorOutput' });
		expect(result.outputs[1][0].json.error).toBe(message);
		expect(result.outputs[1][0].error?.description).toContain('/api/templatelist');
		expect(listCalls()).toHaveLength(1 + 4);
	});

	it('times out with the credential timeout and says so', async () => {
		const quick = await yunkeTestBed({ timeoutSeconds: 1 });
		try {
			await quick.run(LIST_SCRIPTS);
			quick.sandbox.injectFault({ path: '/api/templatelist', count: 4, action: { type: 'hang', ms: 3500 } });
			const result = await quick.run(LIST_SCRIPTS, [{}], { onError: 'continueErrorOutput' });
			expect(result.outputs[1][0].json.error).toBe('The Yunke server did not answer in time');
		} finally {
			await quick.close();
		}
	}, 40000);

	it('a refused connection names the Base URL as the thing to check', async () => {
		const closed = await yunkeTestBed({ baseUrl: 'http://127.0.0.1:9' });
		try {
			const result = await closed.run(LIST_SCRIPTS, [{}], { onError: 'continueErrorOutput' });
			expect(result.outputs[1][0].json.error).toBe('Yunke login failed: could not connect to the Yunke server: the connection was refused');
			expect(result.outputs[1][0].error?.description).toContain('Check the Base URL');
		} finally {
			await closed.close();
		}
	});
});

describe('credential problems', () => {
	it('wrong password: the login error says what happened and how to fix it, without the password', async () => {
		const wrong = await yunkeTestBed({ password: 'Wrong-Secret-123' });
		try {
			const result = await wrong.run(LIST_SCRIPTS, [{}], { onError: 'continueErrorOutput' });
			const [item] = result.outputs[1];
			expect(item.json.error).toBe('Yunke login failed: Yunke rejected the login details (code 20004: 用户名或者密码错误)');
			expect(item.error?.description).toContain('Open the Yunke API credential');
			expect(JSON.stringify(item)).not.toContain('Wrong-Secret-123');
			expect(wrong.sandbox.requestsTo('/api/templatelist')).toHaveLength(0);
		} finally {
			await wrong.close();
		}
	});

	it('an account without API permission (20007) fails at login with the fix', async () => {
		bed.sandbox.data.account.apiPermission = false;
		const result = await bed.run(LIST_SCRIPTS, [{}], { onError: 'continueErrorOutput' });
		expect(result.outputs[1][0].json.error).toBe('Yunke login failed: This Yunke account has no API access (code 20007: 没有接口访问权限)');
		expect(result.outputs[1][0].error?.description).toContain('customer support');
	});

	it.each([
		['not a url', 'The Base URL "not a url" is not a valid address'],
		['ftp://files.example.com', 'The Base URL must start with http:// or https://, not ftp://'],
	])('an invalid Base URL %p is reported before anything is sent', async (baseUrl, message) => {
		const invalid = await yunkeTestBed({ baseUrl });
		try {
			const result = await invalid.run(LIST_SCRIPTS, [{}], { onError: 'continueErrorOutput' });
			expect(result.outputs[1][0].json.error).toBe(message);
			expect(invalid.sandbox.log).toHaveLength(0);
		} finally {
			await invalid.close();
		}
	});

	it('tolerates a trailing slash in the Base URL', async () => {
		const slashed = await yunkeTestBed();
		try {
			slashed.coldCredential();
			const entry = slashed.engine.credentialStore.get('yunke-cred-1')!;
			slashed.engine.setCredential({ ...entry, data: { ...entry.data, baseUrl: `${slashed.sandbox.url}/` } });
			expect((await slashed.run(LIST_SCRIPTS)).status).toBe('success');
			expect(slashed.sandbox.log.map((entry) => entry.path)).toEqual(['/api/login', '/api/templatelist']);
		} finally {
			await slashed.close();
		}
	});
});

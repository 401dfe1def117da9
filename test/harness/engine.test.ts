import type { INode } from 'n8n-workflow';

import { TestEngine, type HarnessCredential } from './engine';
import { EchoNode, HeaderTokenApi, QueryTokenApi } from './fixtures/token-api';
import { startTokenServer } from './fixtures/token-server';

type TokenServer = Awaited<ReturnType<typeof startTokenServer>>;

describe('TestEngine (real n8n-core WorkflowExecute)', () => {
	let server: TokenServer;

	beforeAll(async () => {
		server = await startTokenServer();
	});
	afterAll(async () => await server.close());

	const credential = (type = 'headerTokenApi', token = ''): HarnessCredential => ({
		id: 'cred-1',
		name: 'Token account',
		type,
		data: { baseUrl: server.baseUrl, username: 'alice', password: 'secret', token },
	});

	const makeEngine = (credentials: HarnessCredential[] = [credential()], binaryDataMode?: 'memory' | 'filesystem') =>
		new TestEngine({
			nodeTypes: { echo: new EchoNode() },
			credentialTypes: { headerTokenApi: new HeaderTokenApi(), queryTokenApi: new QueryTokenApi() },
			credentials,
			binaryDataMode,
		});

	const echo = (extra: Partial<INode> = {}) => ({
		type: 'echo',
		typeVersion: 1,
		parameters: { operation: 'request', path: '/echo' },
		credentials: { headerTokenApi: { id: 'cred-1', name: 'Token account' } },
		...extra,
	});

	it('logs in once, persists the expirable token, then reuses the warm credential', async () => {
		const engine = makeEngine();
		const loginsBefore = server.logins;

		const first = await engine.runNode(echo(), [{ a: 1 }, { a: 2 }]);
		expect(first.status).toBe('success');
		expect(server.logins - loginsBefore).toBe(1);
		expect(engine.credentialUpdates).toBe(1);
		const token = engine.credentialStore.get('cred-1')?.data.token as string;
		expect(token).toMatch(/^tok-\d+$/);
		expect(engine.credentialStore.get('cred-1')?.data.password).toBe('secret');
		expect(first.outputs[0].map((item) => item.json.token)).toEqual([token, token]);

		const requestsBefore = server.requests.length;
		const second = await engine.runNode(echo(), [{ a: 3 }]);
		expect(second.status).toBe('success');
		expect(server.logins - loginsBefore).toBe(1);
		expect(engine.credentialUpdates).toBe(1);
		const [request] = server.requests.slice(requestsBefore);
		expect(request.headers.authorization).toBe(`Bearer ${token}`);
	});

	it('re-logs in and retries once when the API answers 401 (core credentialsExpired path)', async () => {
		const engine = makeEngine();
		await engine.runNode(echo(), [{}]);
		const oldToken = engine.credentialStore.get('cred-1')?.data.token;
		server.revokeAll();

		const result = await engine.runNode(echo(), [{}]);
		expect(result.status).toBe('success');
		expect(engine.credentialUpdates).toBe(2);
		const newToken = engine.credentialStore.get('cred-1')?.data.token;
		expect(newToken).not.toBe(oldToken);
		expect(result.outputs[0][0].json.token).toBe(newToken);
	});

	it('supports function-style authenticate (token in the query string)', async () => {
		const engine = makeEngine([credential('queryTokenApi')]);
		const result = await engine.runNode(
			echo({
				parameters: { auth: 'query', operation: 'request', path: '/echo?x=1' },
				credentials: { queryTokenApi: { id: 'cred-1', name: 'Token account' } },
			}),
		);
		expect(result.status).toBe('success');
		const token = engine.credentialStore.get('cred-1')?.data.token;
		expect(result.outputs[0][0].json.query).toEqual({ x: '1', api_key: token });
	});

	it('resolves expression parameters per item', async () => {
		const engine = makeEngine();
		const result = await engine.runNode(echo({ parameters: { path: "={{ '/items/' + $json.name }}" } }), [
			{ name: 'alpha' },
			{ name: 'beta' },
		]);
		expect(result.outputs[0].map((item) => item.json.path)).toEqual(['/items/alpha', '/items/beta']);
	});

	it('routes continueOnFail items to the error output with pairedItem', async () => {
		const engine = makeEngine();
		const result = await engine.runNode(echo({ onError: 'continueErrorOutput' }), [
			{ id: 1 },
			{ id: 2, fail: true },
		]);
		expect(result.status).toBe('success');
		const [success, errors] = result.outputs;
		expect(success).toHaveLength(1);
		expect(success[0].pairedItem).toEqual({ item: 0 });
		expect(errors).toHaveLength(1);
		expect(errors[0].json).toMatchObject({ id: 2, fail: true, error: 'forced failure' });
		expect(errors[0].pairedItem).toEqual({ item: 1 });
	});

	it('keeps error items on the main output with continueRegularOutput', async () => {
		const engine = makeEngine();
		const result = await engine.runNode(echo({ onError: 'continueRegularOutput' }), [{ fail: true }]);
		expect(result.outputs).toHaveLength(1);
		expect(result.outputs[0][0].json).toEqual({ error: 'forced failure' });
	});

	it('fails the execution when the node throws without continueOnFail', async () => {
		const engine = makeEngine();
		const result = await engine.runNode(echo(), [{ fail: true }]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('forced failure');
		expect(result.nodeError?.message).toBe('forced failure');
	});

	it.each(['memory', 'filesystem'] as const)('passes binary data in and out (%s mode)', async (mode) => {
		const engine = makeEngine(undefined, mode);
		const result = await engine.runNode(echo({ parameters: { operation: 'binary' } }), [
			{ json: { n: 1 }, binary: { data: { data: 'hello yunke', fileName: 'in.txt', mimeType: 'text/plain' } } },
		]);
		expect(result.status).toBe('success');
		const [item] = result.outputs[0];
		expect(item.json).toEqual({ inputFileName: 'in.txt' });
		expect(item.binary?.out).toMatchObject({ fileName: 'upper.txt', mimeType: 'text/plain' });
		if (mode === 'filesystem') expect(item.binary?.out.id).toMatch(/^filesystem-v2:/);
		expect((await engine.binaryBuffer(item.binary!.out)).toString()).toBe('HELLO YUNKE');
	});

	it('reports a missing binary property as a node error', async () => {
		const engine = makeEngine();
		const node = echo({ parameters: { operation: 'binary' }, onError: 'continueRegularOutput' });
		const result = await engine.runNode(node, [{ n: 1 }]);
		expect(result.outputs[0][0].json.error).toMatch(/binary/i);
	});

	describe('CredentialsHelper.preAuthentication semantics', () => {
		const helpers = { helpers: { httpRequest: jest.fn(async () => ({ token: 'fresh' })) } };
		const node = (withCredentials: boolean): INode => ({
			id: 'n',
			name: 'Echo',
			type: 'echo',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
			credentials: withCredentials ? { headerTokenApi: { id: 'cred-1', name: 'Token account' } } : undefined,
		});

		it('does not call preAuthentication when the token is present and not expired', async () => {
			const engine = makeEngine([credential('headerTokenApi', 'warm')]);
			const data = { ...credential('headerTokenApi', 'warm').data };
			const out = await engine.credentialsHelper.preAuthentication(helpers, data, 'headerTokenApi', node(true), false);
			expect(out).toBeUndefined();
			expect(helpers.helpers.httpRequest).not.toHaveBeenCalled();
		});

		it('refreshes when expired and persists only when the node has credentials', async () => {
			const engine = makeEngine([credential('headerTokenApi', 'stale')]);
			const data = { ...credential('headerTokenApi', 'stale').data };
			const { credentialsHelper } = engine;
			expect(await credentialsHelper.preAuthentication(helpers, data, 'headerTokenApi', node(false), true)).toBeUndefined();
			expect(engine.credentialUpdates).toBe(0);

			const out = await credentialsHelper.preAuthentication(helpers, data, 'headerTokenApi', node(true), true);
			expect(out?.token).toBe('fresh');
			expect(engine.credentialUpdates).toBe(1);
			expect(engine.credentialStore.get('cred-1')?.data.token).toBe('fresh');
		});

		it('applies credential property defaults in getDecrypted', async () => {
			const engine = makeEngine();
			const decrypted = await engine.credentialsHelper.getDecrypted(
				{ variables: {} } as never,
				{ id: 'cred-1', name: 'Token account' },
				'headerTokenApi',
				'manual',
			);
			expect(decrypted.region).toBe('cn-east');
		});
	});
});

/**
 * Smoke test of the real-n8n tooling (scripts/n8n): package install into the community-package dir,
 * credential + workflow import, headless `execute`, a failing execution, and an active (published)
 * workflow whose PRODUCTION webhook starts an execution that we read back over the REST API.
 *
 * Package under test: by default the throw-away probe package generated below (independent of the
 * state of n8n-nodes-yunke). `N8N_E2E_PACKAGE=yunke` additionally builds, packs and installs the
 * real package into the same n8n and checks that n8n loads its node types.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { N8nInstance, nodeOutput } from '../../scripts/n8n/instance';
import { packPackage } from '../../scripts/n8n/package';
import { startMockServer, type MockServer } from './helpers/mock-server';
import { PROBE_PACKAGE, writeProbePackage } from './helpers/probe-package';

const useProbePackage = true; // the tooling proof always uses the probe package
const alsoInstallYunke = process.env.N8N_E2E_PACKAGE === 'yunke';

const CRED = { id: 'probeCred0000000001', name: 'Probe cred', type: 'probeApi' };

function manualWorkflow(mockUrl: string) {
	return {
		id: 'probeWfManual000001',
		name: 'Probe manual',
		nodes: [
			{ id: '11111111-1111-4111-8111-111111111111', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: '22222222-2222-4222-8222-222222222222', name: 'Ping', type: `${PROBE_PACKAGE}.probe`, typeVersion: 1, position: [220, 0], parameters: { operation: 'ping', url: mockUrl, message: 'hi' } },
			{
				id: '33333333-3333-4333-8333-333333333333',
				name: 'Echo',
				type: `${PROBE_PACKAGE}.probe`,
				typeVersion: 1,
				position: [440, 0],
				parameters: { operation: 'echoAuth', message: "={{ $json.url + '|' + $json.method }}" },
				credentials: { probeApi: { id: CRED.id, name: CRED.name } },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Ping', type: 'main', index: 0 }]] },
			Ping: { main: [[{ node: 'Echo', type: 'main', index: 0 }]] },
		},
	};
}

function failingWorkflow() {
	const wf = manualWorkflow('http://127.0.0.1:1'); // nothing listens on port 1
	return { ...wf, id: 'probeWfFailing00001', name: 'Probe failing' };
}

function webhookWorkflow(id: string, webhookPath: string) {
	return {
		id,
		name: `Probe webhook ${webhookPath}`,
		nodes: [
			{ id: '44444444-4444-4444-8444-444444444444', name: 'Hook', type: `${PROBE_PACKAGE}.probeTrigger`, typeVersion: 1, position: [0, 0], parameters: { path: webhookPath }, webhookId: `${id}-hook` },
			{
				id: '55555555-5555-4555-8555-555555555555',
				name: 'Echo',
				type: `${PROBE_PACKAGE}.probe`,
				typeVersion: 1,
				position: [220, 0],
				parameters: { operation: 'echoAuth', message: '={{ $json.body.callId }}' },
				credentials: { probeApi: { id: CRED.id, name: CRED.name } },
			},
		],
		connections: { Hook: { main: [[{ node: 'Echo', type: 'main', index: 0 }]] } },
	};
}

describe('real n8n tooling (scripts/n8n)', () => {
	let n8n: N8nInstance;
	let mock: MockServer;
	let pkgDir: string;
	const timings: Record<string, number> = {};
	const timed = async <T>(label: string, fn: () => Promise<T> | T): Promise<T> => {
		const t0 = Date.now();
		try {
			return await fn();
		} finally {
			timings[label] = Date.now() - t0;
		}
	};

	beforeAll(async () => {
		mock = await startMockServer();
		n8n = await timed('create (ensureTools)', () => N8nInstance.create());
		if (useProbePackage) {
			pkgDir = writeProbePackage(fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-probe-pkg-')));
			const tgz = packPackage({ packageDir: pkgDir, build: false, log: () => undefined });
			n8n.installTarball(tgz);
			fs.rmSync(path.dirname(tgz), { recursive: true, force: true });
		}
		if (alsoInstallYunke) await timed('build+pack+install yunke', () => n8n.installPackage());
		await timed('importCredentials', () => n8n.importCredentials([{ ...CRED, data: { apiKey: 's3cret-key', baseUrl: mock.url } }]));
		await timed('importWorkflow (4)', () =>
			n8n.importWorkflow([manualWorkflow(mock.url), failingWorkflow(), webhookWorkflow('probeWfHookCli00001', 'probe-cli'), webhookWorkflow('probeWfHookRest0001', 'probe-rest')]),
		);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await mock?.close();
		if (pkgDir) fs.rmSync(pkgDir, { recursive: true, force: true });
		process.stderr.write(`[n8n-smoke] timings (ms): ${JSON.stringify(timings)}\n`);
	});

	test('n8n loads the community package(s)', async () => {
		const names = (await timed('exportNodeTypes', () => n8n.exportNodeTypes())).map((t) => t.name);
		expect(names).toEqual(expect.arrayContaining([`${PROBE_PACKAGE}.probe`, `${PROBE_PACKAGE}.probeTrigger`]));
		if (alsoInstallYunke) expect(names).toEqual(expect.arrayContaining(['n8n-nodes-yunke.yunke']));
	});

	test('import + execute runs the nodes against the mock, with credentials and expressions', async () => {
		mock.hits.length = 0;
		const r = await timed('execute (success)', () => n8n.execute('probeWfManual000001'));
		expect(r.code).toBe(0);
		expect(r.ok).toBe(true);
		expect(r.execution?.status).toBe('success');
		const [echo] = nodeOutput(r.execution!.data, 'Echo');
		expect(echo).toMatchObject({ apiKey: 's3cret-key', body: { message: '/ping?message=hi|GET' } });
		expect(mock.hits.map((h) => `${h.method} ${h.url}`)).toEqual(['GET /ping?message=hi', 'POST /echo']);
	});

	test('a failing execution exits 1 and still returns the parsed error execution', async () => {
		const r = await timed('execute (error)', () => n8n.execute('probeWfFailing00001'));
		expect(r.code).toBe(1);
		expect(r.ok).toBe(false);
		expect(r.execution?.status).toBe('error');
		expect(r.execution?.data.resultData.lastNodeExecuted).toBe('Ping');
		expect(String(r.execution?.data.resultData.error?.message)).toMatch(/refused|ECONNREFUSED/i);
	});

	test('active workflows answer on their production webhooks and executions can be read back', async () => {
		await timed('activate (publish:workflow, stopped)', () => n8n.activate('probeWfHookCli00001'));
		await timed('start', () => n8n.start());
		expect(n8n.running).toBe(true);

		mock.hits.length = 0;
		const res = await fetch(n8n.webhookUrl('probe-cli'), { method: 'POST', headers: { 'content-type': 'application/json', 'x-probe-signature': 'sig-1' }, body: JSON.stringify({ callId: 'call-001' }) });
		expect(res.status).toBe(200);
		const [exec] = await timed('waitForExecutions (cli-activated)', () => n8n.waitForExecutions('probeWfHookCli00001', 1));
		expect(exec.status).toBe('success');
		expect(exec.mode).toBe('webhook');
		expect(nodeOutput(exec.data, 'Hook')).toEqual([{ body: { callId: 'call-001' }, query: {}, signature: 'sig-1' }]);
		expect(nodeOutput(exec.data, 'Echo')[0]).toMatchObject({ apiKey: 's3cret-key', body: { message: 'call-001' } });
		expect(mock.hits.map((h) => `${h.method} ${h.url}`)).toEqual(['POST /echo']);

		// Not active yet → 404; activate over REST while running → registered immediately.
		expect((await fetch(n8n.webhookUrl('probe-rest'), { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(404);
		await timed('activate (REST, running)', () => n8n.activate('probeWfHookRest0001'));
		for (const callId of ['call-101', 'call-102']) {
			const r = await fetch(n8n.webhookUrl('probe-rest'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ callId }) });
			expect(r.status).toBe(200);
		}
		const execs = await timed('waitForExecutions (rest-activated, 2)', () => n8n.waitForExecutions('probeWfHookRest0001', 2));
		expect(execs.map((e) => nodeOutput(e.data, 'Hook')[0]?.body)).toEqual([{ callId: 'call-101' }, { callId: 'call-102' }]);

		await timed('deactivate (REST, running)', () => n8n.deactivate('probeWfHookRest0001'));
		expect((await fetch(n8n.webhookUrl('probe-rest'), { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(404);

		timings['server RSS MiB'] = n8n.serverRssMiB() ?? -1;
		await timed('stop', () => n8n.stop());
		expect(n8n.running).toBe(false);
		await expect(fetch(n8n.webhookUrl('probe-cli'), { method: 'POST' })).rejects.toThrow();
	});
});

/**
 * Queue mode: several executions (workers) share one stored credential and run at once. Each login
 * kills the key the others hold, so a naive client ends in a re-login ping-pong. Every execution
 * re-reads the stored key before logging in itself, so they converge: all succeed, logins stay bounded.
 * Each concurrent run is counted as a fault that must be survived.
 */
import type { INodeParameters } from 'n8n-workflow';

import { YunkeApi } from '../../credentials/YunkeApi.credentials';
import { Yunke } from '../../nodes/Yunke/Yunke.node';
import { TestEngine, type NodeRunResult } from '../harness/engine';
import { RawClient, passwordCredential } from '../helpers/sandbox';
import { CREDENTIAL_REF, yunkeTestBed, type YunkeTestBed } from '../helpers/yunke';
import { faultCase } from './support/reliabilityTally';

const LIST_SCRIPTS: INodeParameters = { resource: 'script', operation: 'getMany', returnAll: true };
const ITEMS = Array.from({ length: 25 }, (_unused, n) => ({ n }));

let bed: YunkeTestBed;
beforeAll(async () => (bed = await yunkeTestBed()));
afterAll(async () => await bed.close());

/** A second worker: its own engine (its own n8n process), the same credential row (the shared database). */
function worker(): TestEngine {
	const engine = new TestEngine({ nodeTypes: { 'n8n-nodes-yunke.yunke': new Yunke() }, credentialTypes: { yunkeApi: new YunkeApi() } });
	(engine.credentialsHelper as unknown as { store: unknown }).store = bed.engine.credentialStore;
	return engine;
}

async function runOn(engine: TestEngine, parameters: INodeParameters): Promise<NodeRunResult> {
	return await engine.runNode(
		{ type: 'n8n-nodes-yunke.yunke', typeVersion: 1, parameters, credentials: CREDENTIAL_REF, onError: 'continueErrorOutput' },
		ITEMS,
		// 5 workers x 25 sequential items took over 30 s (the harness default) on a loaded 2-core machine
		{ timeoutMs: 90_000 },
	);
}

function expectConverged(results: NodeRunResult[], maxLogins: number): void {
	for (const result of results) {
		expect(result.outputs[1] ?? []).toEqual([]);
		expect(result.status).toBe('success');
		expect(result.outputs[0]).toHaveLength(ITEMS.length * 3);
	}
	const calls = bed.sandbox.requestsTo('/api/templatelist');
	const rejected = calls.filter((call) => (call.answer as { code: number }).code !== 0).length;
	// every item of every run answered, each rejected call retried once, logins bounded
	expect(calls.length - rejected).toBe(results.length * ITEMS.length);
	expect(bed.sandbox.auth.logins).toBeLessThanOrEqual(maxLogins);
	if (process.env.RELIABILITY_VERBOSE) process.stdout.write(`queue mode: ${results.length} workers, ${bed.sandbox.auth.logins} logins, ${rejected} rejected calls\n`);
	expect(bed.storedSession().apiKey).toBe(bed.sandbox.auth.currentKey());
}

describe.each([2, 3, 5])('%i workers sharing one credential', (workers) => {
	beforeEach(() => {
		bed.sandbox.reset();
		bed.coldCredential();
	});

	it('start cold at the same moment: everyone logs in once at most, then converges on the last key', async () => {
		await faultCase(async () => {
			const engines = [bed.engine, ...Array.from({ length: workers - 1 }, worker)];
			const results = await Promise.all(engines.map(async (engine) => await runOn(engine, LIST_SCRIPTS)));
			expectConverged(results, workers);
		});
	});

	it('lose their shared key to an outside login mid-run: one re-login that every worker picks up', async () => {
		await faultCase(async () => {
			expect((await runOn(bed.engine, LIST_SCRIPTS)).status).toBe('success');
			bed.sandbox.log = [];
			bed.sandbox.auth.logins = 0;
			bed.sandbox.injectFault({ path: '/api/templatelist', skip: workers * 3, action: { type: 'delay', ms: 150 } });
			const engines = [bed.engine, ...Array.from({ length: workers - 1 }, worker)];
			const outside = new RawClient(passwordCredential(bed.sandbox));
			const runs = engines.map(async (engine) => await runOn(engine, LIST_SCRIPTS));
			while (bed.sandbox.faults.pending().length > 0) await new Promise((resolve) => setTimeout(resolve, 5));
			await outside.login();
			const results = await Promise.all(runs);
			// the outside login, then one re-login the others pick up (two if two workers draw the same pause)
			expectConverged(results, Math.min(1 + workers, 3));
		});
	});
});

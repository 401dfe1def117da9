/**
 * The Yunke Trigger in the REAL n8n server (2.41.1, scripts/n8n): pushes that are forged (no or a
 * wrong token), oversized or malformed are rejected with an error status and start no execution
 * (bad_inputs / caught); concurrent deliveries with duplicates (the platform retries, proxies
 * repeat) emit each unique record exactly once (a fault that must be survived). Needs `npm run build`.
 */
import { N8nInstance, nodeOutput, type RestExecution } from '../../scripts/n8n/instance';
import { PUSH_ACK } from '../../nodes/Yunke/shared/contract';
import { sampleCallRecord } from '../../sandbox/pushes';
import type { Sandbox } from '../../sandbox/server';
import { startSandbox } from '../helpers/sandbox';
import { TRIGGER_NODE_NAME, triggerWorkflow } from '../e2e/helpers/triggerWorkflows';
import { badInputCase, faultCase } from './support/reliabilityTally';

const SECRET = 'rel-7d1c0b5e9a3f42c8b6e0d4a2f9c1e7b3';
const FORGED = { id: 'yunkeRelTrigger0001', webhookId: '5b1d9e40-7777-4a77-8a77-000000000007' };
const MAX_BODY_KB = 8;
const UNIQUE_RECORDS = 30;
const DELIVERIES_EACH = 3;

let n8n: N8nInstance;
let sandbox: Sandbox;
const hookUrl = () => n8n.webhookUrl(`${FORGED.webhookId}/yunke`);

async function post(url: string, body: string, contentType = 'application/json'): Promise<{ status: number; text: string }> {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
	return { status: response.status, text: await response.text() };
}

/** Executions (with their data) after the pushes settled: anything late would show up within the pause. */
async function executionsSettled(expected: number): Promise<RestExecution[]> {
	const executions = expected > 0 ? await n8n.waitForExecutions(FORGED.id, expected, 60_000) : [];
	await new Promise((resolve) => setTimeout(resolve, 1500));
	expect(await n8n.listExecutions(FORGED.id, 100)).toHaveLength(expected);
	return executions;
}

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await N8nInstance.create();
	n8n.installPackage({ build: false });
	await n8n.importWorkflow([
		triggerWorkflow({
			...FORGED,
			parameters: { registration: 'manual', secretToken: SECRET, events: ['callResult', 'importFinished'], options: { maxBodyKb: MAX_BODY_KB } },
		}),
	]);
	await n8n.activate(FORGED.id);
	await n8n.start();
}, 10 * 60 * 1000);

afterAll(async () => {
	await n8n?.dispose();
	await sandbox?.stop();
});

const record = (phone: string) => sampleCallRecord(sandbox, { phone });
const withToken = (token: string) => `${hookUrl()}?token=${encodeURIComponent(token)}`;

/** n8n's own body parser turns away broken JSON (422) before the trigger sees it. */
const REJECTED: Array<[string, () => { url: string; body: string; contentType?: string }, number | number[]]> = [
	['no token', () => ({ url: hookUrl(), body: JSON.stringify(record('13800000001')) }), 403],
	['a wrong token', () => ({ url: withToken('guess-0000000000000000000000000000'), body: JSON.stringify(record('13800000002')) }), 403],
	['the token one character short', () => ({ url: withToken(SECRET.slice(0, -1)), body: JSON.stringify(record('13800000003')) }), 403],
	['the token in another parameter', () => ({ url: `${hookUrl()}?secret=${SECRET}`, body: JSON.stringify(record('13800000004')) }), 403],
	['an empty token', () => ({ url: withToken(''), body: JSON.stringify(record('13800000005')) }), 403],
	['a body over the size limit', () => ({ url: withToken(SECRET), body: JSON.stringify({ ...record('13800000006'), padding: 'x'.repeat(MAX_BODY_KB * 1024) }) }), 413],
	['broken JSON', () => ({ url: withToken(SECRET), body: '{"sn":"account|x","phone":' }), [400, 422]],
	['an empty body', () => ({ url: withToken(SECRET), body: '' }), 400],
	['a JSON array', () => ({ url: withToken(SECRET), body: JSON.stringify([record('13800000007')]) }), 400],
	['an object that is no push', () => ({ url: withToken(SECRET), body: JSON.stringify({ hello: 'world' }) }), 400],
	['plain text', () => ({ url: withToken(SECRET), body: 'SUCCESS', contentType: 'text/plain' }), 400],
];

describe('Yunke Trigger in the real n8n server', () => {
	it.each(REJECTED)('rejects a push with %s and emits nothing', async (_label, build, status) => {
		await badInputCase(async () => {
			const { url, body, contentType } = build();
			const answer = await post(url, body, contentType);
			expect([status].flat()).toContain(answer.status);
			expect(answer.text).not.toBe(PUSH_ACK);
			await executionsSettled(0);
		});
	});

	it(`emits ${UNIQUE_RECORDS} records pushed ${DELIVERIES_EACH} times each, all at once, exactly once each`, async () => {
		await faultCase(async () => {
			await executionsSettled(0); // the rejected pushes started none
			const records = Array.from({ length: UNIQUE_RECORDS }, (_unused, n) => record(`1391234${String(n).padStart(4, '0')}`));
			const deliveries = records.flatMap((entry) => Array.from({ length: DELIVERIES_EACH }, () => JSON.stringify(entry)));
			deliveries.sort(() => Math.random() - 0.5);
			const answers = await Promise.all(deliveries.map(async (body) => await post(withToken(SECRET), body)));
			// every delivery is acknowledged, or the platform would retry it
			expect(answers.every((answer) => answer.status === 200 && answer.text === PUSH_ACK)).toBe(true);
			const executions = await executionsSettled(UNIQUE_RECORDS);
			expect(executions).toHaveLength(UNIQUE_RECORDS);
			const emitted = executions.flatMap((execution) => nodeOutput(execution.data, TRIGGER_NODE_NAME)).map((item) => item.sn);
			expect(emitted.sort()).toEqual(records.map((entry) => entry.sn).sort());
		});
	});
});

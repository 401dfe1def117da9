/**
 * `npm run bench:trigger`: 1,000 call-result pushes (every 10th repeats an earlier record, as the
 * platform's retries do) sent to an active workflow in the real n8n server, through the Yunke Trigger
 * and through n8n's plain Webhook node (answering at once) in the same run, same bodies, same
 * concurrency. Needs `npm run build` first (the package is packed from dist/). The last line is
 * machine-readable:
 *   trigger pushes=<n> emitted=<n> duplicates_dropped=<n> ours_s=<x> webhook_s=<y> ratio=<ours/webhook>
 * Targets: every unique record emitted exactly once; ratio ≤ 1.1.
 */

import { performance } from 'node:perf_hooks';

import { N8nInstance, nodeOutput } from '../scripts/n8n/instance';
import { PUSH_ACK } from '../nodes/Yunke/shared/contract';
import { postPush, sampleCallRecord } from '../sandbox/pushes';
import { Sandbox } from '../sandbox/server';
import type { CallRecord } from '../sandbox/state';
import { plainWebhookWorkflow, TRIGGER_NODE_NAME, triggerWorkflow } from '../test/e2e/helpers/triggerWorkflows';

const PUSHES = Number(process.env.BENCH_PUSHES ?? 1000);
const DUPLICATE_EVERY = 10;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const WARM_UP = 30;
const SLICE = 50;
const SECRET = 'bench-5e1f0c2b9a7d4e6f8a0b1c2d3e4f5a6b';
const OURS = { id: 'benchYunkeTrigger01', webhookId: 'b3c1a0de-1111-4b11-8b11-00000000b001' };
const PLAIN = { id: 'benchPlainWebhook01', webhookId: 'b3c1a0de-2222-4b22-8b22-00000000b002', path: 'bench-plain' };

/** Unique records with every DUPLICATE_EVERY-th push repeating the record sent just before it. */
function pushBodies(generator: Sandbox, count: number, prefix: string): { bodies: CallRecord[]; unique: number } {
	const bodies: CallRecord[] = [];
	for (let index = 0; index < count; index++) {
		const repeat = (index + 1) % DUPLICATE_EVERY === 0 && bodies.length > 0;
		bodies.push(repeat ? bodies[bodies.length - 1] : sampleCallRecord(generator, { sn: `account|${prefix}${String(index).padStart(8, '0')}` }));
	}
	return { bodies, unique: new Set(bodies.map((body) => body.sn)).size };
}

/** Sends every body with CONCURRENCY pushes in flight; fails on any answer other than PUSH_ACK. */
async function send(url: string, bodies: CallRecord[], expectAck: boolean): Promise<number> {
	let next = 0;
	const started = performance.now();
	const worker = async () => {
		while (next < bodies.length) {
			const body = bodies[next++];
			const { status, answer } = await postPush(url, body, 30_000);
			if (status !== 200 || (expectAck && answer !== PUSH_ACK)) throw new Error(`push ${String(body.sn)} answered ${status} ${answer.slice(0, 200)}`);
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	return (performance.now() - started) / 1000;
}


async function main(): Promise<void> {
	const generator = new Sandbox({ quiet: true }); // never started: only generates records
	const n8n = await N8nInstance.create();
	try {
		n8n.installPackage({ build: false });
		await n8n.importWorkflow([
			triggerWorkflow({ ...OURS, parameters: { registration: 'manual', secretToken: SECRET, events: ['callResult'] } }),
			plainWebhookWorkflow(PLAIN.id, PLAIN.webhookId, PLAIN.path),
		]);
		await n8n.activate(OURS.id);
		await n8n.activate(PLAIN.id);
		await n8n.start();
		const oursUrl = `${n8n.webhookUrl(`${OURS.webhookId}/yunke`)}?token=${SECRET}`;
		const plainUrl = n8n.webhookUrl(PLAIN.path);

		const warmUp = pushBodies(generator, WARM_UP, 'warm');
		await send(oursUrl, warmUp.bodies, true);
		await send(plainUrl, warmUp.bodies, false);
		await n8n.waitForExecutions(OURS.id, warmUp.unique, 600_000, { withData: false });
		await n8n.waitForExecutions(PLAIN.id, WARM_UP, 600_000, { withData: false });
		console.log(`warm-up: ${WARM_UP} pushes each (${warmUp.unique} unique)`);

		const { bodies, unique } = pushBodies(generator, PUSHES, 'bench');
		// Alternating slices (and which side goes first) so both sides share whatever else loads the machine.
		let oursSeconds = 0;
		let plainSeconds = 0;
		for (let start = 0, slice = 0; start < bodies.length; start += SLICE, slice++) {
			const part = bodies.slice(start, start + SLICE);
			if (slice % 2 === 0) {
				oursSeconds += await send(oursUrl, part, true);
				plainSeconds += await send(plainUrl, part, false);
			} else {
				plainSeconds += await send(plainUrl, part, false);
				oursSeconds += await send(oursUrl, part, true);
			}
		}
		console.log(`yunke trigger: ${PUSHES} pushes answered ${PUSH_ACK} in ${oursSeconds.toFixed(3)} s`);
		console.log(`plain webhook: ${PUSHES} pushes answered in ${plainSeconds.toFixed(3)} s`);

		const executions = await n8n.waitForExecutions(OURS.id, warmUp.unique + unique, 600_000);
		const emittedSns = executions.flatMap((execution) => nodeOutput(execution.data, TRIGGER_NODE_NAME)).map((item) => String(item.sn));
		const measured = emittedSns.filter((sn) => sn.startsWith('account|bench'));
		const once = new Set(measured).size === measured.length && measured.length === unique;
		console.log(`emitted ${measured.length} items for ${unique} unique records; each exactly once: ${once}`);
		const ratio = oursSeconds / plainSeconds;
		console.log(`targets: every unique record once ${once ? 'met' : 'MISSED'}; ratio ${ratio.toFixed(3)} ${ratio <= 1.1 ? '≤' : '>'} 1.1`);
		console.log(
			`trigger pushes=${PUSHES} emitted=${measured.length} duplicates_dropped=${PUSHES - measured.length} ours_s=${oursSeconds.toFixed(3)} webhook_s=${plainSeconds.toFixed(3)} ratio=${ratio.toFixed(3)}`,
		);
		if (!once) process.exitCode = 1;
	} finally {
		await n8n.dispose();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});

/**
 * Scenario 6: a worker is killed (SIGKILL) while it holds a Yunke Trigger's duplicate-check lease, with
 * pushes still arriving at both webhook processors (every 5th repeats a record, at the other processor).
 * The lease workflow's trigger holds its lease a few seconds per check (run.ts sets the test-only
 * N8N_YUNKE_TEST_LEASE_HOLD for it alone), so the kill lands while it is held. Every record reaches the
 * next node exactly once, or all its executions died with the killed worker (n8n gives such a job up:
 * reported as `crashed`); the executions waiting behind the dead lease go on once it is broken.
 */
import * as fs from 'node:fs';

import { PUSH_ACK } from '../../nodes/Yunke/shared/contract';
import { LEASE_BREAK_MS } from '../../nodes/Yunke/shared/crossProcessLease';
import { sampleCallRecord } from '../../sandbox/pushes';
import { Sandbox } from '../../sandbox/server';
import type { CallRecord } from '../../sandbox/state';
import { cluster, lastExecutionId, sql, waitUntil } from './support/cluster';
import { emittedSns, postPush, snsByExecution } from './support/pushes';
import { record } from './support/queueTally';
import { TRIGGER_SECRET, WORKFLOWS } from './support/queueWorkflows';

const RECORDS = 60;
const PUSH_EVERY_MS = 250;
/** After the break: its jitter (3 s), the breaker's settle time, the breaker's own test hold (4 s, run.ts) and a few seconds. */
const RESUME_SLACK_MS = 15_000;
const HOLD_LINE = 'holding the duplicate-check lease';

function bodies(): CallRecord[] {
	const generator = new Sandbox({ quiet: true });
	const unique = Array.from({ length: RECORDS }, (_unused, n) => sampleCallRecord(generator, { sn: `account|q6lease${String(n).padStart(6, '0')}` }));
	return unique.flatMap((body, n) => (n % 5 === 4 ? [body, body] : [body]));
}

/** Lines announcing a held lease, per worker log. */
function holdLines(): Map<string, number> {
	const counts = new Map<string, number>();
	for (const [name, info] of Object.entries(cluster().processes)) {
		if (info.role === 'worker' && fs.existsSync(info.log)) counts.set(name, fs.readFileSync(info.log, 'utf8').split(HOLD_LINE).length - 1);
	}
	return counts;
}

test('a worker killed while it holds the lease: each record once (or reported with its crashed execution), the waiting executions go on after the break', async () => {
	const state = cluster();
	const urls = state.webhookUrls.map((base) => `${base}/webhook/${WORKFLOWS.lease.webhookId}/yunke?token=${TRIGGER_SECRET}`);
	const since = lastExecutionId();
	const pushes = bodies();
	const answered = new Set<string>();
	const holdsBefore = holdLines();

	const sending = (async () => {
		const inFlight: Array<Promise<void>> = [];
		for (const [index, body] of pushes.entries()) {
			inFlight.push(
				postPush(urls[index % urls.length], body, 120_000)
					.then(({ status, answer }) => {
						if (status === 200 && answer === PUSH_ACK) answered.add(String(body.sn));
					})
					.catch(() => undefined),
			);
			await new Promise((resolve) => setTimeout(resolve, PUSH_EVERY_MS));
		}
		await Promise.all(inFlight);
	})();

	// the first worker seen holding the lease of this workflow is killed while it holds it
	await waitUntil(() => [...holdLines()].some(([name, count]) => count > (holdsBefore.get(name) ?? 0)), 'a worker holding the lease', 120_000);
	const [worker] = [...holdLines()].find(([name, count]) => count > (holdsBefore.get(name) ?? 0))!;
	process.kill(-state.processes[worker].pid!, 'SIGKILL');
	const killed = { worker, at: Date.now() };
	const startedWith = snsByExecution(WORKFLOWS.lease.id, since, 'q6lease');
	process.stderr.write(`[queue] scenario 6: SIGKILL ${worker} while it holds the lease\n`);
	await sending;

	// Yunke sends a push again until it is answered SUCCESS
	for (const [index, body] of pushes.entries()) {
		for (let attempt = 0; !answered.has(String(body.sn)) && attempt < 30; attempt++) {
			const { status, answer } = await postPush(urls[index % urls.length], body, 60_000).catch(() => ({ status: 0, answer: '' }));
			if (status === 200 && answer === PUSH_ACK) answered.add(String(body.sn));
			else await new Promise((resolve) => setTimeout(resolve, 2000));
		}
	}

	// the executions behind the dead lease go on after the break; those that died with the worker stay unfinished
	const unfinished = () => sql(`select id from execution_entity where "workflowId" = '${WORKFLOWS.lease.id}' and id > ${since} and status <> 'success'`).map(Number);
	await new Promise((resolve) => setTimeout(resolve, Math.max(0, killed.at + LEASE_BREAK_MS + RESUME_SLACK_MS - Date.now())));
	let last = '';
	let stableSince = Date.now();
	await waitUntil(
		() => {
			const now = unfinished().join(',');
			if (now !== last) [last, stableSince] = [now, Date.now()];
			return Date.now() - stableSince > 15_000;
		},
		'the executions behind the dead lease',
		5 * 60_000,
	);
	const deadExecutions = unfinished();

	const resumedAt = Number(sql(`select coalesce(extract(epoch from min("stoppedAt")) * 1000, 0) from execution_entity where "workflowId" = '${WORKFLOWS.lease.id}' and id > ${since} and status = 'success' and "stoppedAt" > to_timestamp(${killed.at / 1000})`)[0]);
	const emitted = emittedSns(WORKFLOWS.lease.id, 'q6lease', since);
	const distinct = new Set(emitted);
	const unique = new Set(pushes.map((body) => String(body.sn)));
	const crashedOnly = new Set(deadExecutions.flatMap((id) => startedWith.get(id) ?? []).filter((sn) => unique.has(sn) && !distinct.has(sn)));
	const lost = [...unique].filter((sn) => !distinct.has(sn) && !crashedOnly.has(sn));
	const answeredThenLost = [...answered].filter((sn) => !distinct.has(sn) && !crashedOnly.has(sn));
	record({ scenario: 'lease kill', lease_kills: 1, pushes: pushes.length, emitted: emitted.length, duplicates_emitted: emitted.length - distinct.size, lost: lost.length, crashed: crashedOnly.size, answered_then_lost: answeredThenLost.length });
	process.stderr.write(`[queue] scenario 6: ${unique.size} records, ${distinct.size} emitted, ${crashedOnly.size} only in the executions that died with ${killed.worker} (${deadExecutions.join(', ') || 'none'}); the first execution after the kill finished ${((resumedAt - killed.at) / 1000).toFixed(1)} s after it\n`);

	expect(emitted.length - distinct.size).toBe(0);
	expect(lost).toEqual([]);
	expect(resumedAt).toBeGreaterThan(0);
	expect(resumedAt - killed.at).toBeLessThanOrEqual(LEASE_BREAK_MS + RESUME_SLACK_MS);
});

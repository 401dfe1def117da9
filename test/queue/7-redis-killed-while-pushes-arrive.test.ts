/**
 * Scenario 7: Redis is killed while pushes arrive at the Yunke Trigger through both webhook processors.
 * n8n cannot queue their executions; the webhook processors give up on Redis after a few seconds and
 * exit (QUEUE_BULL_REDIS_TIMEOUT_THRESHOLD, scripts/queue/cluster.ts) and are restarted; Redis comes
 * back empty (run.ts). A push is answered SUCCESS only once n8n queued its execution, so Yunke sends
 * the others again (as the test does, until SUCCESS), and no push answered SUCCESS is lost.
 */
import { PUSH_ACK } from '../../nodes/Yunke/shared/contract';
import { sampleCallRecord } from '../../sandbox/pushes';
import { Sandbox } from '../../sandbox/server';
import { cluster, lastExecutionId, sql, waitUntil } from './support/cluster';
import { emittedSns, postPush } from './support/pushes';
import { record } from './support/queueTally';
import { TRIGGER_SECRET, WORKFLOWS } from './support/queueWorkflows';

const RECORDS = 30;
const RETRY_EVERY_MS = 2000;

const unfinished = () => Number(sql(`select count(*) from execution_entity where status in ('running', 'waiting')`)[0]);

test('Redis killed while pushes arrive: every push answered SUCCESS reaches the next node once', async () => {
	const state = cluster() as ReturnType<typeof cluster> & { redisPid?: number; redisDownMs?: number };
	if (!state.redisPid) throw new Error('This scenario kills the Redis that test:queue started; it cannot run with REDIS_URL.');
	const urls = state.webhookUrls.map((base) => `${base}/webhook/${WORKFLOWS.trigger.webhookId}/yunke?token=${TRIGGER_SECRET}`);
	const generator = new Sandbox({ quiet: true });
	const unique = Array.from({ length: RECORDS }, (_unused, n) => sampleCallRecord(generator, { sn: `account|q7redis${String(n).padStart(6, '0')}` }));
	// every record twice, at the other webhook processor: Yunke's own repeats
	const pushes = unique.flatMap((body, n) => [
		{ body, url: urls[n % urls.length] },
		{ body, url: urls[(n + 1) % urls.length] },
	]);
	await waitUntil(() => unfinished() === 0, 'an idle queue (Redis comes back empty)', 5 * 60_000);
	const since = lastExecutionId();

	process.kill(state.redisPid, 'SIGKILL');
	process.stderr.write(`[queue] scenario 7: SIGKILL redis (pid ${state.redisPid}); back in ${state.redisDownMs ?? '?'} ms\n`);
	const answered = new Set<string>();
	const outcomes = new Map<string, number>();
	const deliver = async ({ body, url }: (typeof pushes)[number]) => {
		const { status, answer } = await postPush(url, body, 60_000).catch((error: Error) => ({ status: 0, answer: error.message }));
		const outcome = status === 200 && answer === PUSH_ACK ? 'SUCCESS' : status ? `HTTP ${status}` : 'no answer';
		outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
		if (outcome === 'SUCCESS') answered.add(String(body.sn));
		return outcome === 'SUCCESS';
	};
	await Promise.all(pushes.map(deliver));
	process.stderr.write(`[queue] scenario 7: during the outage ${JSON.stringify(Object.fromEntries(outcomes))}\n`);

	// Yunke sends every record not answered SUCCESS again, until it is
	await waitUntil(
		async () => {
			const waiting = pushes.filter(({ body }, index) => index % 2 === 0 && !answered.has(String(body.sn)));
			await Promise.all(waiting.map(deliver));
			if (waiting.some(({ body }) => !answered.has(String(body.sn)))) await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
			return answered.size === unique.length;
		},
		'every record answered SUCCESS',
		5 * 60_000,
	);
	await waitUntil(() => new Set(emittedSns(WORKFLOWS.trigger.id, 'q7redis', since)).size >= answered.size && unfinished() === 0, 'the answered records emitted', 5 * 60_000);
	await new Promise((resolve) => setTimeout(resolve, 3000));

	const emitted = emittedSns(WORKFLOWS.trigger.id, 'q7redis', since);
	const distinct = new Set(emitted);
	const answeredThenLost = [...answered].filter((sn) => !distinct.has(sn));
	record({
		scenario: 'redis outage',
		redis_outages: 1,
		pushes: pushes.length,
		emitted: emitted.length,
		duplicates_emitted: emitted.length - distinct.size,
		lost: unique.length - distinct.size,
		answered_then_lost: answeredThenLost.length,
	});
	process.stderr.write(`[queue] scenario 7: ${unique.length} records, ${answered.size} answered SUCCESS, ${distinct.size} emitted, ${emitted.length - distinct.size} twice\n`);

	expect(answeredThenLost).toEqual([]);
	expect(emitted.length - distinct.size).toBe(0);
	expect(distinct.size).toBe(unique.length);
});

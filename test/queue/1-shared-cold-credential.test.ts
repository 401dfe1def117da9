/**
 * Scenario 1: 20 executions of a Yunke workflow start at once through a Webhook on a webhook processor
 * and are spread over both workers; they share one cold credential. Each worker's executions share one
 * login (transport/loginFlight.ts), the workers take each other's stored key: at most workers + 1 logins.
 */
import { LOGIN_TARGET, record } from './support/queueTally';
import { cluster, control, executionStatuses, lastExecutionId, postJson, sandboxLogins, storedApiKey, waitUntil, workerOfExecutions } from './support/cluster';
import { CREDENTIALS, WORKFLOWS } from './support/queueWorkflows';

const EXECUTIONS = 20;

test(`${EXECUTIONS} executions at once on one cold credential, over both workers: all succeed, ≤ ${LOGIN_TARGET} logins, Postgres holds the live key`, async () => {
	const state = cluster();
	const since = lastExecutionId();
	const { logins: loginsBefore, requests: requestsBefore } = await control<{ logins: number; requests: number }>('GET', 'stats');
	const url = `${state.webhookUrls[0]}/webhook/${WORKFLOWS.list.path}`;

	const answers = await Promise.all(Array.from({ length: EXECUTIONS }, async (_unused, n) => await postJson(url, { n })));
	await waitUntil(() => executionStatuses(WORKFLOWS.list.id, since).filter((e) => !['new', 'running', 'waiting'].includes(e.status)).length >= EXECUTIONS, `${EXECUTIONS} finished executions`, 120_000);

	const executions = executionStatuses(WORKFLOWS.list.id, since);
	const failed = executions.filter((e) => e.status !== 'success');
	const logins = (await sandboxLogins()) - loginsBefore;
	const byWorker = workerOfExecutions();
	const perWorker: Record<string, number> = {};
	for (const { id } of executions) perWorker[byWorker.get(id) ?? 'unknown'] = (perWorker[byWorker.get(id) ?? 'unknown'] ?? 0) + 1;
	record({ scenario: 'shared cold credential', executions: executions.length, failed: failed.length, logins });
	process.stderr.write(`[queue] scenario 1: executions per worker ${JSON.stringify(perWorker)}, ${logins} logins\n`);
	if (logins > LOGIN_TARGET) process.stderr.write(`[queue] scenario 1: the sandbox's requests, in order:\n${await requestTrail(requestsBefore)}\n`);

	expect(answers.map((answer) => answer.status)).toEqual(Array(EXECUTIONS).fill(200));
	expect(executions).toHaveLength(EXECUTIONS);
	expect(failed).toEqual([]);
	expect(Object.keys(perWorker).sort()).toEqual(Object.keys(state.processes).filter((name) => state.processes[name].role === 'worker').sort());
	expect(logins).toBeGreaterThanOrEqual(1);
	expect(logins).toBeLessThanOrEqual(LOGIN_TARGET);
	const { currentKey } = await control<{ currentKey: string }>('GET', 'stats');
	expect(await storedApiKey(CREDENTIALS.shared.id)).toBe(currentKey);
});

/** Path, key (first letters) and answer code of every request the sandbox saw since `from`: how the logins interleaved. */
async function requestTrail(from: number): Promise<string> {
	const { requests } = await control<{ requests: Array<{ at: string; path: string; params: Record<string, unknown>; answer: unknown }> }>('GET', 'log');
	return requests
		.slice(from)
		.map(({ at, path, params, answer }) => `  ${at} ${path} key=${String(params.api_key ?? '-').slice(0, 3)}… code=${String((answer as { code?: unknown } | null)?.code ?? '?')}`)
		.join('\n');
}

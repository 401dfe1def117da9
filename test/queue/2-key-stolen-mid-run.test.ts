/**
 * Scenario 2: the key dies (sandbox `invalidate-key`, as another login elsewhere would) while 10
 * executions are in flight on both workers. Every execution succeeds; the re-logins stay within one per
 * worker process plus one.
 */
import { LOGIN_TARGET, record } from './support/queueTally';
import { cluster, control, executionStatuses, lastExecutionId, postJson, sandboxLogins, storedApiKey, waitUntil } from './support/cluster';
import { CREDENTIALS, WORKFLOWS } from './support/queueWorkflows';

const EXECUTIONS = 10;

test(`the key is stolen while ${EXECUTIONS} executions run: all succeed with at most ${LOGIN_TARGET} re-logins`, async () => {
	const state = cluster();
	const url = `${state.webhookUrls[0]}/webhook/${WORKFLOWS.list.path}`;
	// a warm key first, so that the logins below are all re-logins
	expect((await postJson(url, { warm: true })).status).toBe(200);
	const since = lastExecutionId();
	const loginsBefore = await sandboxLogins();
	// every execution's list call waits in the sandbox, so that all of them hold the old key when it dies
	await control('POST', 'faults', { path: '/api/templatelist', count: EXECUTIONS, phase: 'before', action: { type: 'delay', ms: 1500 } });

	const answers = Promise.all(Array.from({ length: EXECUTIONS }, async (_unused, n) => await postJson(url, { n })));
	await waitUntil(async () => (await control<{ pending: unknown[] }>('GET', 'faults')).pending.length === 0, 'every execution inside the sandbox', 120_000);
	await control('DELETE', 'faults');
	await control('POST', 'invalidate-key');
	const statuses = (await answers).map((answer) => answer.status);
	await waitUntil(() => executionStatuses(WORKFLOWS.list.id, since).filter((e) => !['new', 'running', 'waiting'].includes(e.status)).length >= EXECUTIONS, `${EXECUTIONS} finished executions`, 120_000);

	const executions = executionStatuses(WORKFLOWS.list.id, since);
	const failed = executions.filter((e) => e.status !== 'success');
	const relogins = (await sandboxLogins()) - loginsBefore;
	record({ scenario: 'key stolen mid-run', executions: executions.length, failed: failed.length });
	process.stderr.write(`[queue] scenario 2: ${relogins} re-logins after the key was stolen\n`);

	expect(statuses).toEqual(Array(EXECUTIONS).fill(200));
	expect(failed).toEqual([]);
	expect(relogins).toBeGreaterThanOrEqual(1);
	expect(relogins).toBeLessThanOrEqual(LOGIN_TARGET);
	const { currentKey } = await control<{ currentKey: string }>('GET', 'stats');
	expect(await storedApiKey(CREDENTIALS.shared.id)).toBe(currentKey);
});

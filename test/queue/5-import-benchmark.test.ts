/**
 * Scenario 5: 300,000 rows imported in queue mode (webhook processor → worker → Task → Create) with a
 * cold credential of its own: the figures of bench:import hold, ≤ 10 requests and 1 login.
 */
import { performance } from 'node:perf_hooks';

import { ENDPOINTS, LIMITS } from '../../nodes/Yunke/shared/contract';
import { cluster, control, executionStatuses, lastExecutionId, postJson, sandboxLogins, waitUntil } from './support/cluster';
import { record } from './support/queueTally';
import { WORKFLOWS } from './support/queueWorkflows';

const ROWS = Number(process.env.QUEUE_IMPORT_ROWS ?? 300_000);

test(`${ROWS.toLocaleString('en')} rows through the cluster: ≤ ${Math.ceil(ROWS / LIMITS.rowsPerImport)} import requests, 1 login`, async () => {
	const state = await control<{ scripts: Array<{ sn: string }>; subAccounts: Array<{ user_sn: string }> }>('GET', 'state');
	const name = `队列压测导入${Date.now()}`;
	const rows = Array.from({ length: ROWS }, (_unused, index) => ({ 姓名: `客户${index}`, phone: String(13000000000 + index) }));
	const since = lastExecutionId();
	const loginsBefore = await sandboxLogins();
	await control('DELETE', 'log');

	const started = performance.now();
	const answer = await postJson(`${cluster().webhookUrls[0]}/webhook/${WORKFLOWS.bench.path}`, { name, script: state.scripts[0].sn, subAccount: state.subAccounts[0].user_sn, rows }, 300_000);
	expect(answer.status).toBe(200);
	await waitUntil(() => ['success', 'error', 'crashed', 'failed'].includes(executionStatuses(WORKFLOWS.bench.id, since)[0]?.status ?? ''), 'the import execution', 8 * 60_000);
	const seconds = (performance.now() - started) / 1000;

	const [execution] = executionStatuses(WORKFLOWS.bench.id, since);
	const log = (await control<{ requests: Array<{ path: string }> }>('GET', 'log')).requests;
	const requests = log.filter((entry) => entry.path === ENDPOINTS.taskCreateJson).length;
	const logins = (await sandboxLogins()) - loginsBefore;
	const task = (await control<{ tasks: Array<{ source: string; rowCount: number }> }>('GET', 'state')).tasks.find((entry) => entry.source === name);
	record({ scenario: 'import benchmark', executions: 1, failed: execution.status === 'success' ? 0 : 1, lost: ROWS - (task?.rowCount ?? 0) });
	process.stderr.write(`[queue] scenario 5: ${ROWS} rows in ${seconds.toFixed(1)} s (webhook to finished execution), ${requests} import requests, ${log.length} requests in all, ${logins} login(s)\n`);

	expect(execution.status).toBe('success');
	expect(task?.rowCount).toBe(ROWS);
	expect(requests).toBeLessThanOrEqual(10);
	expect(logins).toBe(1);
});

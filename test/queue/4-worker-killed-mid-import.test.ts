/**
 * Scenario 4: a worker is killed (SIGKILL) while it runs a Task → Create import with Start Dialling:
 * Yunke has applied the creation, its answer is still on the way. n8n does not run a stalled job again
 * (its queue fails the job once the lock expires; the execution stays "running" until n8n's queue
 * recovery marks it crashed); the orchestrator (here test/queue/run.ts) restarts the worker. Nothing is created twice and no number is dialled twice, and
 * the recovered cluster imports the next task once.
 */
import * as fs from 'node:fs';

import { cluster, control, executionStatuses, lastExecutionId, postJson, waitUntil, workerOfExecutions } from './support/cluster';
import { record } from './support/queueTally';
import { WORKFLOWS } from './support/queueWorkflows';

interface SandboxState {
	scripts: Array<{ sn: string }>;
	subAccounts: Array<{ user_sn: string }>;
	tasks: Array<{ source: string; dial_task_main_sn: string; status: number; rowCount: number; rows: Array<{ phone: string; attempts: number }> }>;
	records: Array<{ phone?: string; dial_task_main_sn?: string }>;
}

const PHONES = ['13900000010', '13900000011', '13900000012'];

async function importTask(name: string, phones: string[]): Promise<void> {
	const state = await control<SandboxState>('GET', 'state');
	const body = { name, script: state.scripts[0].sn, subAccount: state.subAccounts[0].user_sn, rows: phones.map((phone, n) => ({ 姓名: `客户${n}`, phone })) };
	const answer = await postJson(`${cluster().webhookUrls[0]}/webhook/${WORKFLOWS.import.path}`, body);
	expect(answer.status).toBe(200);
}

const tasksNamed = async (name: string) => (await control<SandboxState>('GET', 'state')).tasks.filter((task) => task.source === name);

test('a worker killed while Yunke applies its Task → Create: one task, no number dialled twice, the cluster imports again', async () => {
	const name = `队列崩溃导入${Date.now()}`;
	const since = lastExecutionId();
	// Yunke creates the task at once but answers only 20 s later: the worker is killed while it waits
	await control('POST', 'faults', { path: '/api/addJson', count: 1, phase: 'after', action: { type: 'delay', ms: 20_000 } });
	await importTask(name, PHONES);
	await waitUntil(async () => (await tasksNamed(name)).length > 0, 'the task created in the sandbox', 120_000);
	const [execution] = executionStatuses(WORKFLOWS.import.id, since);
	await waitUntil(() => workerOfExecutions().has(execution.id), `the worker of execution ${execution.id}`, 30_000);
	const worker = workerOfExecutions().get(execution.id)!;
	const before = cluster().processes[worker];
	process.kill(-before.pid!, 'SIGKILL');
	process.stderr.write(`[queue] scenario 4: SIGKILL ${worker} (pid ${before.pid}) while execution ${execution.id} waits for Yunke's answer\n`);

	const killedAt = Date.now();
	await waitUntil(() => cluster().processes[worker].restarts > before.restarts, `${worker} restarted`, 180_000);
	// past the job's lock (60 s) and a stalled check: n8n has given the job up by now, or run it again
	await new Promise((resolve) => setTimeout(resolve, Math.max(0, killedAt + 70_000 - Date.now())));
	await control('DELETE', 'faults');
	const after = executionStatuses(WORKFLOWS.import.id, since)[0].status;

	const again = `队列恢复导入${Date.now()}`;
	await importTask(again, ['13900000020', '13900000021']);
	await waitUntil(() => executionStatuses(WORKFLOWS.import.id, since).length >= 2 && executionStatuses(WORKFLOWS.import.id, since)[1].status !== 'running' && executionStatuses(WORKFLOWS.import.id, since)[1].status !== 'new', 'the import after recovery', 180_000);
	await new Promise((resolve) => setTimeout(resolve, 3000)); // the dialler places the calls

	const crashed = await tasksNamed(name);
	const recovered = await tasksNamed(again);
	const state = await control<SandboxState>('GET', 'state');
	const callsPerPhone = new Map<string, number>();
	for (const call of state.records) if (call.phone && PHONES.includes(call.phone)) callsPerPhone.set(call.phone, (callsPerPhone.get(call.phone) ?? 0) + 1);
	const dialledTwice = [...callsPerPhone.values()].filter((count) => count > 1).length + crashed.flatMap((task) => task.rows).filter((row) => row.attempts > 1).length;
	record({ scenario: 'worker killed mid-import', executions: 2, failed: executionStatuses(WORKFLOWS.import.id, since)[1].status === 'success' ? 0 : 1 });
	process.stderr.write(`[queue] scenario 4: killed execution ended "${after}"; ${crashed.length} task(s) named like it, ${recovered.length} after recovery; calls per phone ${JSON.stringify([...callsPerPhone])}\n`);
	if (process.env.QUEUE_VERBOSE) process.stderr.write(fs.readFileSync(cluster().processes[worker].log, 'utf8').slice(-3000));

	expect(after).not.toBe('success'); // never run to the end a second time
	expect(crashed).toHaveLength(1);
	expect(crashed[0].rowCount).toBe(PHONES.length);
	expect(dialledTwice).toBe(0);
	expect(executionStatuses(WORKFLOWS.import.id, since)[1].status).toBe('success');
	expect(recovered).toHaveLength(1);
});

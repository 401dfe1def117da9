/**
 * Scenario 8: a burst of 50 per-lead webhook calls, alternating between the webhook processors, each
 * running Task → Import Data into the task of one name (Into: Task by Name) on the two workers. The
 * name is new: exactly one execution creates the task, the others wait across processes (the shared
 * lease in n8n's processed-data table, in memory within a worker) and add their lead to it.
 */
import { cluster, control, executionStatuses, lastExecutionId, postJson } from './support/cluster';
import { record } from './support/queueTally';
import { WORKFLOWS } from './support/queueWorkflows';

const LEADS = 50;

interface SandboxState {
	scripts: Array<{ sn: string }>;
	subAccounts: Array<{ user_sn: string }>;
	tasks: Array<{ source: string; dial_task_main_sn: string; rows: Array<{ phone: string }> }>;
}

test('50 leads at once through both webhook processors and 2 workers: one task created, all 50 leads in it, none twice', async () => {
	const state = await control<SandboxState>('GET', 'state');
	const name = `Leads${Date.now()}`;
	const since = lastExecutionId();
	const urls = cluster().webhookUrls.map((base) => `${base}/webhook/${WORKFLOWS.leads.path}`);
	const phones = Array.from({ length: LEADS }, (_unused, n) => String(13700000000 + n));
	const answers = await Promise.all(
		phones.map(async (phone, n) => {
			const body = { name, script: state.scripts[0].sn, subAccount: state.subAccounts[0].user_sn, rows: [{ 姓名: `线索${n}`, phone }] };
			const answer = await postJson(urls[n % urls.length], body, 300_000);
			return { status: answer.status, summary: JSON.parse(answer.text) as { taskSn?: string; taskCreated?: boolean } };
		}),
	);

	const tasks = (await control<SandboxState>('GET', 'state')).tasks.filter((task) => task.source === name);
	const rows = tasks.flatMap((task) => task.rows.map((row) => row.phone));
	const statuses = executionStatuses(WORKFLOWS.leads.id, since);
	record({
		scenario: 'lead burst',
		executions: statuses.length,
		failed: statuses.filter((execution) => execution.status !== 'success').length,
		lead_tasks_created: tasks.length,
		lead_rows: rows.length,
		lead_duplicates: rows.length - new Set(rows).size,
	});
	expect(answers.map((answer) => answer.status)).toEqual(Array(LEADS).fill(200));
	expect(tasks).toHaveLength(1);
	expect(rows.sort()).toEqual(phones);
	expect(answers.filter((answer) => answer.summary.taskCreated)).toHaveLength(1);
	expect(new Set(answers.map((answer) => answer.summary.taskSn))).toEqual(new Set([tasks[0].dial_task_main_sn]));
});

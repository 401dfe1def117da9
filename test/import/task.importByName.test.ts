/**
 * Task → Import Data → Into: Task by Name (Create If Missing), in the real engine against the sandbox:
 * found (whatever day the task was created) or created once, however many executions ask together.
 */
import type { INodeParameters } from 'n8n-workflow';

import { AUTO_START_VALUE, ENDPOINTS } from '../../nodes/Yunke/shared/contract';
import type { NodeRunResult } from '../harness/engine';
import { createParameters, importTargets, people } from '../helpers/imports';
import { useProcessedDataTable } from '../helpers/processedDataService';
import { seedTask } from '../helpers/tasks';
import { CREDENTIAL_REF, jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';

const NAME = 'Leads20261205';
/** One node of one workflow: what n8n runs for every call of a per-lead webhook. */
const NODE_ID = 'yunke-import-by-name';

// a 2 s request timeout: a creation whose answer is lost is looked for in the task list for a few seconds
const bed = useBed({ credential: { timeoutSeconds: 2 } });
const processedData = useProcessedDataTable();

const byName = (overrides: INodeParameters = {}) => createParameters(bed.sandbox, { operation: 'importData', into: 'byName', taskName: NAME, ...overrides });

async function runExecution(items: Array<Record<string, string>>, onError?: 'continueErrorOutput', overrides: INodeParameters = {}): Promise<NodeRunResult> {
	return await bed.engine.runNode(
		{ id: NODE_ID, type: 'n8n-nodes-yunke.yunke', typeVersion: 1, parameters: byName(overrides), credentials: CREDENTIAL_REF, ...(onError ? { onError } : {}) },
		items,
		{ timeoutMs: 150_000 },
	);
}

/** Import requests that create a task (no dial_task_main_sn), as the sandbox logged them. */
const creations = () => bed.sandbox.requestsTo(ENDPOINTS.taskCreateJson).filter((entry) => entry.params.dial_task_main_sn === undefined);
const appends = () => bed.sandbox.requestsTo(ENDPOINTS.taskCreateJson).filter((entry) => entry.params.dial_task_main_sn !== undefined);
const tasksNamed = (name: string) => bed.sandbox.data.tasks.filter((task) => task.source === name);
const daysAgo = (days: number) => bed.sandbox.clock.chinaText(new Date(Date.now() - days * 24 * 3600_000));

describe('Import Data into a task by name', () => {
	it('finds the task of that name created 3 days ago (the name is the key, on the strict tenant that lists only today without dates) and adds the rows to it', async () => {
		const task = seedTask(bed.sandbox, { source: NAME, phones: ['13800000001'], createdAt: daysAgo(3) });
		const result = await runExecution(people(2));
		expect(result.status).toBe('success');
		expect(creations()).toHaveLength(0);
		expect(appends().map((entry) => entry.params.dial_task_main_sn)).toEqual([task.dial_task_main_sn]);
		const [listRead] = bed.sandbox.requestsTo(ENDPOINTS.taskList);
		expect(listRead.params.start_create_at).toBeDefined();
		expect(tasksNamed(NAME)).toHaveLength(1);
		expect(task.rows.map((row) => row.phone)).toEqual(['13800000001', '13900000000', '13900000001']);
		const [summary] = result.outputs[0];
		expect(summary.json).toMatchObject({ taskId: String(task.dial_task_main_id), taskSn: task.dial_task_main_sn, taskName: NAME, taskFound: true, taskCreated: false });
		expect(summary.pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('creates the task with the script, owner and options when no task has the name', async () => {
		seedTask(bed.sandbox, { source: 'Leads20261204', createdAt: daysAgo(1) });
		const result = await runExecution(people(1), undefined, { options: { startDialling: true } });
		expect(result.status).toBe('success');
		const { scriptSn, subAccountSn } = importTargets(bed.sandbox);
		expect(creations().map((entry) => entry.params)).toEqual([expect.objectContaining({ source: NAME, project_sn: scriptSn, ai_user_sn: subAccountSn, is_zidong: AUTO_START_VALUE })]);
		const [task] = tasksNamed(NAME);
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ taskId: String(task.dial_task_main_id), taskName: NAME, taskFound: false, taskCreated: true });
	});

	it('50 executions starting together for the same name: one task is created and holds all 50 leads', async () => {
		// the import's own read of every task before it sends (for the pending-call limit) walks 37 windows
		// per execution on a tenant refusing wide ranges; the subject here is the exclusion, not that walk
		bed.sandbox.shapes.maxDateRangeDays = 'unlimited';
		const results = await Promise.all(Array.from({ length: 50 }, async (_unused, index) => await runExecution(people(1, index))));
		expect(results.map((result) => result.status)).toEqual(Array(50).fill('success'));
		expect(creations()).toHaveLength(1);
		const tasks = tasksNamed(NAME);
		expect(tasks).toHaveLength(1);
		expect(tasks[0].rows).toHaveLength(50);
		const summaries = results.map((result) => result.outputs[0][0].json);
		expect(summaries.filter((summary) => summary.taskCreated)).toHaveLength(1);
		expect(new Set(summaries.map((summary) => summary.taskSn))).toEqual(new Set([tasks[0].dial_task_main_sn]));
		expect(processedData.rows.size).toBe(0); // the lease was released
	}, 180_000);

	it('two tasks with the name: an error naming both (id, sn, created time), and nothing sent', async () => {
		const older = seedTask(bed.sandbox, { source: NAME, createdAt: daysAgo(2) });
		const newer = seedTask(bed.sandbox, { source: NAME });
		const result = await runExecution(people(2), 'continueErrorOutput');
		expect(bed.sandbox.requestsTo(ENDPOINTS.taskCreateJson)).toHaveLength(0);
		expect(result.outputs[0]).toEqual([]);
		expect(result.outputs[1].map((item) => [item.json.error, item.pairedItem])).toEqual([
			[`Task Name: 2 tasks are named "${NAME}" [item 0]`, { item: 0 }],
			[`Task Name: 2 tasks are named "${NAME}" [item 0]`, { item: 1 }],
		]);
		const description = String(result.outputs[1][0].error?.description);
		for (const task of [older, newer]) {
			expect(description).toContain(`ID ${task.dial_task_main_id} (sn ${task.dial_task_main_sn}, created ${task.created_at})`);
		}
	});

	it('the answer to the creation is lost: the task is found in the task list, and the executions waiting add to it; nothing is created twice', async () => {
		bed.sandbox.injectFault({ path: ENDPOINTS.taskCreateJson, phase: 'after', action: { type: 'reset' } });
		const results = await Promise.all([0, 1, 2].map(async (index) => await runExecution(people(1, index))));
		expect(results.map((result) => result.status)).toEqual(['success', 'success', 'success']);
		expect(creations()).toHaveLength(1);
		const [task] = tasksNamed(NAME);
		expect(tasksNamed(NAME)).toHaveLength(1);
		expect(task.rows).toHaveLength(3);
		const created = results.map((result) => result.outputs[0][0].json).find((summary) => summary.taskCreated);
		expect(created?.creationSettled).toContain('the new task was found in the task list, so the creation was not sent again');
	});
});

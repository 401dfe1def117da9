/**
 * Task → Create / Import Data when Yunke applies an import and its answer is lost (late, reset): never a
 * second task, never the same rows twice, never a number dialled twice; what cannot be settled is an
 * error saying what may have happened and how to check and resume.
 */
import { ENDPOINTS } from '../../nodes/Yunke/shared/contract';
import { isDialling } from '../../sandbox/dialer';
import { createParameters, importIntoParameters, people, seedTask } from '../helpers/imports';
import { waitFor } from '../helpers/tasks';
import { useBed } from '../helpers/bed';
import { jsonOf } from '../helpers/yunke';

const TIMEOUT_S = 1;
/** the node keeps looking for the effect of a lost write for the timeout plus the same again, at least 2 s */
const NODE_WAIT_MS = TIMEOUT_S * 1000 + 2000;
const LATE = { type: 'delay' as const, ms: TIMEOUT_S * 1000 + 500 };
const NAME = '回访九月';

const bed = useBed({ credential: { timeoutSeconds: TIMEOUT_S }, sandbox: { speed: { callMs: 20 } } });

const imports = () => bed.sandbox.requestsTo(ENDPOINTS.taskCreateJson);
const tasksNamed = (name: string) => bed.sandbox.data.tasks.filter((task) => task.source === name && !task.deleted);

/** Phones the dialler called more than once, over every task. */
async function numbersDialledTwice(): Promise<string[]> {
	await waitFor(() => !isDialling(bed.sandbox.data), 'the dialler to finish', 20_000);
	const times = new Map<string, number>();
	for (const record of bed.sandbox.data.records) times.set(String(record.phone), (times.get(String(record.phone)) ?? 0) + 1);
	return [...times].filter(([, count]) => count > 1).map(([phone]) => phone);
}

describe('Task → Create with Start Dialling: the creation applied, its answer late', () => {
	it('finds the task once it is listed, never sends the creation again, and dials every number once', async () => {
		bed.sandbox.speed.newTaskListDelayMs = NODE_WAIT_MS - 1500;
		bed.sandbox.injectFault({ path: ENDPOINTS.taskCreateJson, phase: 'after', action: LATE });
		const result = await bed.run(createParameters(bed.sandbox, { options: { chunkSize: 10, startDialling: true } }), people(25));
		expect(result.status).toBe('success');
		expect(tasksNamed(NAME)).toHaveLength(1);
		expect(bed.sandbox.data.tasksCreatedToday).toBe(1);
		const [task] = tasksNamed(NAME);
		expect(imports()).toHaveLength(3);
		expect(imports().slice(1).map((entry) => entry.params.dial_task_main_sn)).toEqual([task.dial_task_main_sn, task.dial_task_main_sn]);
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ taskSn: task.dial_task_main_sn, requests: 3, diallingStarted: true, counts: { total: 25, imported: 25 } });
		expect(bed.sandbox.requestsTo(ENDPOINTS.taskOperate).length).toBeLessThanOrEqual(1);
		expect(await numbersDialledTwice()).toEqual([]);
		expect(new Set(bed.sandbox.data.records.map((record) => record.phone)).size).toBe(25);
	});

	it('when the task is not listed within the wait: an error item per item that says it may exist, and nothing sent again', async () => {
		bed.sandbox.speed.newTaskListDelayMs = NODE_WAIT_MS + 3000;
		bed.sandbox.injectFault({ path: ENDPOINTS.taskCreateJson, phase: 'after', action: LATE });
		const result = await bed.run(createParameters(bed.sandbox, { options: { chunkSize: 10, startDialling: true } }), people(25), {
			onError: 'continueErrorOutput',
		});
		expect(imports()).toHaveLength(1);
		expect(tasksNamed(NAME)).toHaveLength(1);
		const errors = result.outputs[1];
		expect(errors.map((item) => item.pairedItem)).toEqual(people(25).map((_, item) => ({ item })));
		expect(errors[0].json.error).toBe(`The task "${NAME}" may have been created: Yunke's answer to the creation was lost`);
		const description = String((errors[0].error as { description?: string }).description);
		expect(description).toMatch(/sent at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(China time\)/);
		expect(description).toContain(`Task → Get Many with Filters → Task Name "${NAME}"`);
		expect(description).toContain('Task → Import Data (Into: Existing Task)');
		expect(description).toContain('The Yunke server did not answer in time');
		expect(await numbersDialledTwice()).toEqual([]);
	});

	it('without Continue On Fail the execution fails with the same message', async () => {
		bed.sandbox.speed.newTaskListDelayMs = NODE_WAIT_MS + 3000;
		bed.sandbox.injectFault({ path: ENDPOINTS.taskCreateJson, phase: 'after', action: { type: 'reset' } });
		const result = await bed.run(createParameters(bed.sandbox), people(3));
		expect(result.nodeError?.message).toBe(`The task "${NAME}" may have been created: Yunke's answer to the creation was lost`);
		expect(imports()).toHaveLength(1);
	});
});

describe('appends whose answer is lost are settled from the task counts', () => {
	it('a later batch applied and answered late is not sent again', async () => {
		bed.sandbox.injectFault({ path: ENDPOINTS.taskCreateJson, skip: 1, phase: 'after', action: LATE });
		const result = await bed.run(createParameters(bed.sandbox, { options: { chunkSize: 10, startDialling: true } }), people(25));
		expect(result.status).toBe('success');
		expect(imports()).toHaveLength(3);
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ requests: 3, counts: { total: 25, imported: 25, duplicate: 0 } });
		expect(tasksNamed(NAME)[0].rows).toHaveLength(25);
		expect(await numbersDialledTwice()).toEqual([]);
	});

	it('a batch the counts show never arrived is sent once more', async () => {
		bed.sandbox.injectFault({ path: ENDPOINTS.taskCreateJson, skip: 1, phase: 'before', action: { type: 'reset' } });
		const result = await bed.run(createParameters(bed.sandbox, { options: { chunkSize: 10 } }), people(25));
		expect(result.status).toBe('success');
		expect(imports()).toHaveLength(4);
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ requests: 3, counts: { total: 25, imported: 25, duplicate: 0 } });
	});

	it('Import Data into an existing task: applied, answered late, not sent again, resumed once', async () => {
		const task = seedTask(bed.sandbox, ['13900000000'], { status: 1 });
		bed.sandbox.injectFault({ path: ENDPOINTS.taskCreateJson, phase: 'after', action: LATE });
		const result = await bed.run(importIntoParameters(bed.sandbox, String(task.dial_task_main_id), { options: { startDialling: true } }), people(3));
		expect(result.status).toBe('success');
		expect(imports()).toHaveLength(1);
		expect(bed.sandbox.requestsTo(ENDPOINTS.taskOperate)).toHaveLength(1);
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ diallingStarted: true, counts: { total: 3, imported: 2, duplicate: 1 } });
		expect(await numbersDialledTwice()).toEqual([]);
	});

	it('when the counts cannot be read, the rows are not sent again: "may have been imported", the rest not sent', async () => {
		bed.sandbox.injectFault({ path: ENDPOINTS.taskCreateJson, skip: 1, phase: 'after', action: { type: 'reset' } });
		bed.sandbox.injectFault({ path: ENDPOINTS.taskImportResult, count: 1000, action: { type: 'code', code: 500 } });
		const result = await bed.run(createParameters(bed.sandbox, { options: { chunkSize: 10 } }), people(25), { onError: 'continueErrorOutput' });
		expect(imports()).toHaveLength(2);
		const summary = jsonOf(result.outputs[0])[0];
		expect(summary).toMatchObject({ requests: 1, importedItems: '0-9', mayBeImportedItems: '10-19', notImportedItems: '20-24' });
		const errors = result.outputs[1];
		expect(errors.map((item) => (item.pairedItem as { item: number }).item)).toEqual([...Array(15).keys()].map((n) => n + 10));
		expect(errors[0].json.error).toBe(`These rows may have been imported into task ${NAME}: Yunke's answer was lost`);
		expect(String((errors[0].error as { description?: string }).description)).toContain('Task → Get Import Result');
		expect(errors[10].json.error).toBe('Not sent: the import stopped at an earlier request whose answer was lost');
	});
});

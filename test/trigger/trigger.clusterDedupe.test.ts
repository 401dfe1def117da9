/**
 * Duplicate checks across n8n processes (queue mode: several webhook processors and workers, each
 * with its own memory). The webhook stage of each process is loaded as its own module instance; the
 * executions share one `processed_data` table, ported from n8n 2.41.1 (test/helpers/processedData.ts).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type * as ClusterDedupeModule from '../../nodes/YunkeTrigger/clusterDedupe';
import { emitFirstDeliveries } from '../../nodes/YunkeTrigger/clusterDedupe';
import { RECEIVED_BY, THIS_PROCESS } from '../../nodes/YunkeTrigger/dedupe';
import type * as ReceiveModule from '../../nodes/YunkeTrigger/receive';
import { ProcessedDataTable } from '../helpers/processedData';

const WORKFLOW_ID = 'wfCluster0000001';
const NODE_ID = 'node-yunke-trigger';
const TOKEN = 'f00dbabe0123456789abcdef01234567';
const TASK = 'dial_task_main_sn|1427a04cae36a5b7161c0b04b9206fa4';

/** A module as another n8n process holds it: its own memory. */
function inAnotherProcess<Module extends object>(path: string): Module {
	let loaded: Module | undefined;
	jest.isolateModules(() => {
		loaded = jest.requireActual<Module>(path);
	});
	return loaded!;
}

const webhookProcess = () => inAnotherProcess<typeof ReceiveModule>('../../nodes/YunkeTrigger/receive');
const workerProcess = () => inAnotherProcess<typeof ClusterDedupeModule>('../../nodes/YunkeTrigger/clusterDedupe');

const settings: ReceiveModule.ReceiveSettings = {
	expectedToken: TOKEN,
	maxBodyBytes: 64 * 1024,
	filters: { events: ['callResult', 'importFinished'], onlyAnswered: false, intentLevels: [], taskSn: '' },
	dedupeWindow: 1000,
	triggerId: `${WORKFLOW_ID}/${NODE_ID}`,
};

/** One delivery through one process's webhook function (static data loaded fresh, as n8n does per request). */
function deliver(process: typeof ReceiveModule, body: IDataObject): INodeExecutionData[] {
	const rawBody = Buffer.from(JSON.stringify(body));
	const outcome = process.receivePush({ query: { token: TOKEN }, contentLength: String(rawBody.length), body, rawBody }, settings, {});
	expect(outcome.status).toBe(200);
	return outcome.emit ? [{ json: outcome.emit }] : [];
}

let executions = 0;

function execution(table: ProcessedDataTable, warnings: string[] = [], mode = 'webhook', executionId = String(++executions)): IExecuteFunctions {
	return {
		getMode: () => mode,
		getExecutionId: () => executionId,
		getNode: () => ({ id: NODE_ID, name: 'Yunke Trigger' }),
		getWorkflow: () => ({ id: WORKFLOW_ID }),
		logger: { warn: (message: string) => warnings.push(message) },
		helpers: table.helpersFor(WORKFLOW_ID, NODE_ID),
	} as unknown as IExecuteFunctions;
}

const record = (n: number) => ({ sn: `account|${String(n).padStart(32, '0')}`, dial_task_main_sn: TASK, phone: `1380000${String(n).padStart(4, '0')}`, talktimes: 5 });

describe('duplicate check across n8n processes', () => {
	afterEach(() => jest.restoreAllMocks());

	it('emits every record once when its copies reach two webhook processes and run as concurrent executions', async () => {
		const [a, b] = [webhookProcess(), webhookProcess()];
		const table = new ProcessedDataTable();
		const records = Array.from({ length: 40 }, (_unused, n) => record(n));
		// every record reaches both processes (a proxy repeats it), every 10th one twice more
		const started = records.flatMap((entry, n) => [deliver(a, entry), deliver(b, entry), ...(n % 10 === 0 ? [deliver(a, entry), deliver(b, entry)] : [])]);
		const executions = started.filter((items) => items.length > 0);
		expect(executions).toHaveLength(80); // each process's memory stops its own repeats, not the other's
		// the executions run on two workers, alternately, each worker batching its own waiting ones
		const workers = [workerProcess(), workerProcess()];
		const outputs = await Promise.all(executions.map(async (items, n) => await workers[n % 2].emitFirstDeliveries(execution(table), items, 1000)));
		const emitted = outputs.flat().map((item) => item.json.sn);
		expect(emitted.sort()).toEqual(records.map((entry) => entry.sn).sort());
		expect(outputs.flat().every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
		expect(table.rows.size).toBe(1); // the lease row is gone, the workflow-scope row holds the keys
	});

	it('checks the executions waiting in one worker together: one lease and one check for a batch', async () => {
		const worker = workerProcess();
		const table = new ProcessedDataTable();
		const items = (n: number) => [{ json: { ...record(n), event: 'callResult' } }];
		// 20 executions at once, the last two repeating records of the batch: the first starts a batch alone, the others wait for the next
		const runs = [...Array.from({ length: 18 }, (_unused, n) => items(n)), items(5), items(17)];
		const outputs = await Promise.all(runs.map(async (run) => await worker.emitFirstDeliveries(execution(table), run, 1000)));
		expect(outputs.map((output) => output.length)).toEqual([...Array<number>(18).fill(1), 0, 0]);
		// a lease (count, select, insert), a check (select, update) and the release (delete), twice, and taking
		// back the claims of the second batch's two repeats (select, update); one execution at a time would take 120
		expect(table.statements).toBe(14);
		expect(table.rows.size).toBe(1);
	});

	it('is needed: n8n\'s check-and-record alone lets two concurrent executions both see a record as new', async () => {
		const table = new ProcessedDataTable();
		const helpers = table.helpersFor(WORKFLOW_ID, NODE_ID);
		await helpers.checkProcessedAndRecord(['earlier'], 'workflow', { mode: 'entries' });
		const [first, second] = await Promise.all([1, 2].map(async () => await helpers.checkProcessedAndRecord(['sn-1'], 'workflow', { mode: 'entries' })));
		expect([first.new, second.new]).toEqual([['sn-1'], ['sn-1']]);
	});

	it('tells import results apart by their whole content across processes too', async () => {
		const [a, b] = [webhookProcess(), webhookProcess()];
		const table = new ProcessedDataTable();
		const mark = { totalCount: 2, successCount: 2, failCount: 0 };
		const first = { dial_task_main_sn: TASK, import_mark: mark, batch: 'b1' };
		const second = { dial_task_main_sn: TASK, import_mark: mark, batch: 'b2' };
		const executions = [deliver(a, first), deliver(b, first), deliver(a, second), deliver(b, { batch: 'b2', import_mark: mark, dial_task_main_sn: TASK })];
		const outputs = await Promise.all(executions.map(async (items) => await emitFirstDeliveries(execution(table), items, 1000)));
		expect(outputs.flat().map((item) => item.json.batch).sort()).toEqual(['b1', 'b2']);
	});

	it('emits the push with a warning when the database cannot be reached (Yunke was told SUCCESS already)', async () => {
		const table = new ProcessedDataTable();
		table.failing = true;
		const warnings: string[] = [];
		const output = await emitFirstDeliveries(execution(table, warnings), [{ json: { ...record(2), event: 'callResult' } }], 1000);
		expect(output.map((item) => item.json.sn)).toEqual([record(2).sn]);
		expect(warnings).toEqual([
			'Yunke Trigger "Yunke Trigger": the duplicate check across n8n processes failed (connect ECONNREFUSED 127.0.0.1:5432); the push is emitted unchecked',
		]);
	});

	it('names the Remove Duplicates node that saved the workflow\'s row in another mode, and emits the push', async () => {
		const table = new ProcessedDataTable();
		const helpers = table.helpersFor(WORKFLOW_ID, 'node-remove-duplicates');
		await helpers.checkProcessedAndRecord(['41'], 'workflow', { mode: 'latestIncrementalKey' });
		const warnings: string[] = [];
		const output = await emitFirstDeliveries(execution(table, warnings), [{ json: { ...record(5), event: 'callResult' } }], 1000);
		expect(output.map((item) => item.json.sn)).toEqual([record(5).sn]);
		expect(warnings).toEqual([
			'Yunke Trigger "Yunke Trigger": the duplicate check across n8n processes failed (Deduplication data was originally saved with an incompatible setting); a Remove Duplicates node with Scope "Workflow" in this workflow uses the storage the trigger shares: set its Scope to "Node"; the push is emitted unchecked',
		]);
	});

	it('skips the database when the execution runs in the process that received the push (a single n8n)', async () => {
		const table = new ProcessedDataTable();
		const json = { ...record(4), event: 'callResult' };
		const here = await emitFirstDeliveries(execution(table), [{ json, [RECEIVED_BY]: THIS_PROCESS }], 1000);
		expect(here).toHaveLength(1);
		expect(table.statements).toBe(0);
		const elsewhere = await emitFirstDeliveries(execution(table), [{ json, [RECEIVED_BY]: 'another-process' }], 1000);
		expect(elsewhere).toHaveLength(1);
		expect(table.statements).toBeGreaterThan(0);
	});

	it('leaves test events and retries unchecked, so they use up no record', async () => {
		const table = new ProcessedDataTable();
		for (const mode of ['manual', 'retry']) {
			const output = await emitFirstDeliveries(execution(table, [], mode), [{ json: { ...record(3), event: 'callResult' } }], 1000);
			expect(output).toHaveLength(1);
		}
		expect(table.statements).toBe(0);
	});
});

describe('an execution that n8n runs again', () => {
	const items = (n: number) => [{ json: { ...record(n), event: 'callResult' } }];

	it('emits its pushes again: they were claimed by this very execution', async () => {
		const table = new ProcessedDataTable();
		const first = await emitFirstDeliveries(execution(table, [], 'webhook', '41'), items(7), 1000);
		// the worker died after the check; another worker runs execution 41 again
		const again = await workerProcess().emitFirstDeliveries(execution(table, [], 'webhook', '41'), items(7), 1000);
		expect(first.map((item) => item.json.sn)).toEqual([record(7).sn]);
		expect(again.map((item) => item.json.sn)).toEqual([record(7).sn]);
	});

	it('still drops a repeat that another execution claimed, also when the repeat\'s execution runs again', async () => {
		const table = new ProcessedDataTable();
		expect(await emitFirstDeliveries(execution(table, [], 'webhook', '50'), items(8), 1000)).toHaveLength(1);
		expect(await emitFirstDeliveries(execution(table, [], 'webhook', '51'), items(8), 1000)).toHaveLength(0);
		expect(await workerProcess().emitFirstDeliveries(execution(table, [], 'webhook', '51'), items(8), 1000)).toHaveLength(0);
		expect(await workerProcess().emitFirstDeliveries(execution(table, [], 'webhook', '50'), items(8), 1000)).toHaveLength(1);
	});
});

/**
 * The lease of the cross-process duplicate check (nodes/Yunke/shared/crossProcessLease.ts) against n8n's
 * processed-data table (test/helpers/processedData.ts), with other processes acting between this
 * process's statements and a clock that moves with them.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { emitFirstDeliveries } from '../../nodes/YunkeTrigger/clusterDedupe';
import { LEASE_BREAK_MS } from '../../nodes/Yunke/shared/crossProcessLease';
import { ProcessedDataTable } from '../helpers/processedData';

const WORKFLOW_ID = 'wfLease000000001';
const NODE_ID = 'node-yunke-trigger';
const LEASE_CONTEXT = `n:${NODE_ID}`;

let clock = 1_000_000;
let executionIds = 0;

function execution(table: ProcessedDataTable, warnings: string[], deletions: number[] = []): IExecuteFunctions {
	const helpers = table.helpersFor(WORKFLOW_ID, NODE_ID);
	const clearAll = helpers.clearAllProcessedItems;
	helpers.clearAllProcessedItems = async (scope, options) => {
		if (scope === 'node') deletions.push(clock);
		return await clearAll(scope, options);
	};
	return {
		getMode: () => 'webhook',
		getExecutionId: () => String(++executionIds),
		getNode: () => ({ id: NODE_ID, name: 'Yunke Trigger' }),
		getWorkflow: () => ({ id: WORKFLOW_ID }),
		logger: { warn: (message: string) => warnings.push(message) },
		helpers,
	} as unknown as IExecuteFunctions;
}

/** Another process's lease: its holder item and `size - 1` more, as lease.ts writes them. */
const plantLease = (table: ProcessedDataTable, size: number) =>
	table.plant(WORKFLOW_ID, LEASE_CONTEXT, ['yunke-trigger-lease', ...Array.from({ length: size - 1 }, (_unused, n) => `other holder ${size} ${n}`)]);

const items = (n: number) => [{ json: { sn: `account|lease${String(n).padStart(8, '0')}`, event: 'callResult' } }];

beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => clock));
afterEach(() => jest.restoreAllMocks());

describe('the lease of the cross-process duplicate check', () => {
	it('is broken by its own age: leases that follow one another are never broken, however long a waiter waits', async () => {
		const table = new ProcessedDataTable();
		const warnings: string[] = [];
		const deletions: number[] = [];
		// other processes take the lease in turn for 90 s (a new one every 3 s), then one of them dies holding it
		let plantedAt = clock;
		let turns = 0;
		plantLease(table, 3);
		table.beforeStatement = () => {
			clock += 3000;
			if (turns < 30) {
				turns += 1;
				plantedAt = clock;
				plantLease(table, 3 + (turns % 2) * 2);
			}
		};
		const output = await emitFirstDeliveries(execution(table, warnings, deletions), items(1), 1000);
		expect(output).toHaveLength(1);
		expect(turns).toBe(30);
		// the one deletion of another's lease came after that lease had stood still for the break time
		expect(deletions[0] - plantedAt).toBeGreaterThanOrEqual(LEASE_BREAK_MS);
		expect(warnings[0]).toMatch(/^Yunke Trigger "Yunke Trigger": breaking a duplicate-check lease unchanged for \d+ s \(its holder stopped\)$/);
	});

	it('keeps the verdicts of the batch when its release fails, releases it on a second try and logs the failure', async () => {
		const table = new ProcessedDataTable();
		expect(await emitFirstDeliveries(execution(table, []), items(2), 1000)).toHaveLength(1);
		const warnings: string[] = [];
		table.failingDeletes = 1;
		// a repeat of the record: judged a duplicate under the lease, whose first release fails
		expect(await emitFirstDeliveries(execution(table, warnings), items(2), 1000)).toHaveLength(0);
		expect(warnings).toEqual([
			'Yunke Trigger "Yunke Trigger": could not release the duplicate-check lease (Connection terminated unexpectedly); trying again',
		]);
		expect(table.rows.has(`${WORKFLOW_ID}#${LEASE_CONTEXT}`)).toBe(false);
	});

	it('is released only by its holder: a holder slower than the break time leaves the lease that replaced its own', async () => {
		const table = new ProcessedDataTable();
		const warnings: string[] = [];
		const started = clock;
		// once the lease is taken, the check takes 31 s and meanwhile another process breaks the lease
		table.beforeStatement = () => {
			if (table.rows.has(`${WORKFLOW_ID}#${LEASE_CONTEXT}`) && clock === started) {
				clock += LEASE_BREAK_MS + 1000;
				plantLease(table, 7);
			}
		};
		expect(await emitFirstDeliveries(execution(table, warnings), items(3), 1000)).toHaveLength(1);
		expect(table.rows.get(`${WORKFLOW_ID}#${LEASE_CONTEXT}`)?.data).toHaveLength(7);
		expect(warnings).toEqual([
			`Yunke Trigger "Yunke Trigger": held the duplicate-check lease for over ${LEASE_BREAK_MS / 1000} s; another process may have broken it, so it is left alone`,
		]);
	});
});

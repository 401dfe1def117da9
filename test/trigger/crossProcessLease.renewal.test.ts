/**
 * The shared cross-process lease (nodes/Yunke/shared/crossProcessLease.ts) for work that outlasts its
 * break age, as a task creation whose answer was lost does: a renewing holder is not broken by a waiter
 * in another process, a holder that does not renew is. n8n's processed-data table is the port in
 * test/helpers/processedData.ts; the clock moves 2 s with every statement either process makes.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { LEASE_BREAK_MS, underLease, type LeaseGuard } from '../../nodes/Yunke/shared/crossProcessLease';
import { ProcessedDataTable } from '../helpers/processedData';

let clock = 1_000_000;
beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => clock));
afterEach(() => jest.restoreAllMocks());

function holder(table: ProcessedDataTable, warnings: string[]): IExecuteFunctions {
	return {
		getExecutionId: () => 'e1',
		getNode: () => ({ id: 'node-yunke', name: 'Yunke' }),
		getWorkflow: () => ({ id: 'wfRenewal0000001' }),
		evaluateExpression: () => '',
		logger: { warn: (message: string) => warnings.push(message) },
		helpers: table.helpersFor('wfRenewal0000001', 'node-yunke'),
	} as unknown as IExecuteFunctions;
}

/** Holds the lease for three break ages of clock time while another process waits for it; returns the order of events. */
async function longHoldWithWaiter(guard: LeaseGuard): Promise<{ order: string[]; warnings: string[] }> {
	const table = new ProcessedDataTable();
	table.beforeStatement = () => (clock += 2000);
	const warnings: string[] = [];
	const order: string[] = [];
	const long = underLease(holder(table, warnings), guard, async () => {
		order.push('holder starts');
		const until = clock + 3 * LEASE_BREAK_MS;
		while (clock < until) {
			await new Promise((resolve) => setTimeout(resolve, 10));
			clock += 500;
		}
		order.push('holder ends');
	});
	while (order.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
	const waiter = underLease(holder(table, warnings), guard, async () => {
		order.push('waiter runs');
	});
	await Promise.all([long, waiter]);
	return { order, warnings };
}

const GUARD: LeaseGuard = { owner: 'Yunke "Import"', purpose: 'task-by-name', item: 'yunke-task-name-lease' };

test('a renewing holder keeps its lease past the break age: the waiter runs after it, nothing is broken', async () => {
	const { order, warnings } = await longHoldWithWaiter({ ...GUARD, renews: true });
	expect(order).toEqual(['holder starts', 'holder ends', 'waiter runs']);
	expect(warnings.filter((warning) => warning.includes('breaking'))).toEqual([]);
});

test('a holder that does not renew is taken for dead after the break age (the trigger’s short check)', async () => {
	const { order, warnings } = await longHoldWithWaiter(GUARD);
	expect(order).toEqual(['holder starts', 'waiter runs', 'holder ends']);
	expect(warnings.some((warning) => warning.startsWith('Yunke "Import": breaking a task-by-name lease unchanged for'))).toBe(true);
});

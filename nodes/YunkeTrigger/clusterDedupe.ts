import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { RECEIVED_BY, THIS_PROCESS } from './dedupe';
import { lookupKeys } from './dedupeKey';
import { identityOf, type PushEvent } from './payload';

/**
 * The second, cluster-wide duplicate check. It runs as the first step of the execution (on a worker
 * in queue mode), because only executions reach n8n's processed-data table (`processed_data`,
 * shared by every n8n process through the database); webhook functions do not. An execution in the
 * process that received the push (a single n8n) skips it.
 *
 * n8n's check-and-record reads the row, then writes it back: two processes checking at once would
 * both see a record as new. The table's primary key (workflow id, context) is what is atomic: of
 * two processes inserting the same row, exactly one succeeds. So the trigger takes a lease first,
 * by inserting the row of its node scope (`n:<node id>`), does check-and-record in the workflow
 * scope while it holds it, and deletes the lease row. A lease left behind by a process that died
 * is broken after LEASE_WAIT_MS.
 */
export const LEASE_WAIT_MS = 30_000;
const LEASE_ITEM = 'yunke-trigger-lease';
const ENTRIES = { mode: 'entries' } as const;

/** Only production executions are checked: test events and retries do not use up a record. */
const CHECKED_MODES = new Set(['webhook']);

export async function emitFirstDeliveries(ctx: IExecuteFunctions, items: INodeExecutionData[], window: number): Promise<INodeExecutionData[]> {
	const paired = items.map((item, index) => ({ json: item.json, pairedItem: { item: index } }));
	// Received and run by this one process: the in-memory window already decided (no queue mode).
	const sameProcess = items.every((item) => item[RECEIVED_BY] === THIS_PROCESS);
	if (!CHECKED_MODES.has(ctx.getMode()) || paired.length === 0 || sameProcess) return paired;
	const scope = ctx.getNode().id;
	const now = Date.now();
	try {
		return await underLease(ctx, async () => {
			const fresh: INodeExecutionData[] = [];
			for (const item of paired) {
				const keys = lookupKeys(item.json.event as PushEvent, identityOf(item.json), now, scope);
				const seen = await ctx.helpers.checkProcessedAndRecord(keys, 'workflow', { ...ENTRIES, maxEntries: window });
				if (seen.processed.length === 0) fresh.push(item);
			}
			return fresh;
		});
	} catch (error) {
		// The record was acknowledged to Yunke already: dropping it would lose it for good.
		ctx.logger.warn(
			`Yunke Trigger "${ctx.getNode().name}": the duplicate check across n8n processes failed (${(error as Error).message}); the push is emitted unchecked`,
		);
		return paired;
	}
}

async function underLease<T>(ctx: IExecuteFunctions, work: () => Promise<T>): Promise<T> {
	let waitingSince = Date.now();
	for (let attempt = 0; !(await tryLease(ctx)); attempt++) {
		if (Date.now() - waitingSince > LEASE_WAIT_MS) {
			ctx.logger.warn(`Yunke Trigger "${ctx.getNode().name}": broke a duplicate-check lease held for over ${LEASE_WAIT_MS / 1000} s`);
			await ctx.helpers.clearAllProcessedItems('node', ENTRIES);
			waitingSince = Date.now();
		}
		await sleep(Math.min(100, 5 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
	}
	try {
		return await work();
	} finally {
		await ctx.helpers.clearAllProcessedItems('node', ENTRIES);
	}
}

/** Inserts the lease row; false while another process holds it. */
async function tryLease(ctx: IExecuteFunctions): Promise<boolean> {
	if ((await ctx.helpers.getProcessedDataCount('node', ENTRIES)) > 0) return false;
	try {
		// No row: n8n inserts one, and the primary key lets only one of two racing inserts through.
		// A row that appeared since the count: n8n finds the lease item in it, `processed`.
		return (await ctx.helpers.checkProcessedAndRecord([LEASE_ITEM], 'node', ENTRIES)).processed.length === 0;
	} catch (error) {
		if (isKeyConflict(error)) return false;
		throw new NodeOperationError(ctx.getNode(), error as Error);
	}
}

/** Postgres "duplicate key value violates unique constraint", SQLite "UNIQUE constraint failed", MySQL "Duplicate entry". */
function isKeyConflict(error: unknown): boolean {
	const message = error instanceof Error ? error.message : String(error);
	return /duplicate key|unique constraint|duplicate entry|SQLITE_CONSTRAINT/i.test(message);
}

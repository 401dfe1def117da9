import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { RECEIVED_BY, THIS_PROCESS, triggerIdOf } from './dedupe';
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
 *
 * A worker runs several executions of one trigger at once. Were each to take the lease by itself,
 * the waiting ones would poll the database and race each other's inserts (about 10 row reads and
 * half a failed insert per execution in queue scenario 3), so the executions of one trigger in one
 * process wait in memory and are checked together: one lease and one check-and-record per batch.
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
		const keys = paired.map((item) => lookupKeys(item.json.event as PushEvent, identityOf(item.json), now, scope));
		const fresh = await checkedInBatch(ctx, { keys, window });
		return paired.filter((_item, index) => fresh[index]);
	} catch (error) {
		// The record was acknowledged to Yunke already: dropping it would lose it for good.
		ctx.logger.warn(
			`Yunke Trigger "${ctx.getNode().name}": the duplicate check across n8n processes failed (${(error as Error).message}); the push is emitted unchecked`,
		);
		return paired;
	}
}

interface Waiting {
	ctx: IExecuteFunctions;
	/** The lookup keys of each item (dedupeKey.ts). */
	keys: string[][];
	window: number;
	settle: (outcome: { fresh: boolean[] } | { error: unknown }) => void;
}

/** Per trigger (triggerIdOf): the executions of this process waiting for the next check. */
const waitingByTrigger = new Map<string, Waiting[]>();

/** Whether each item is a first delivery, decided together with the other executions waiting in this process. */
async function checkedInBatch(ctx: IExecuteFunctions, request: Omit<Waiting, 'ctx' | 'settle'>): Promise<boolean[]> {
	const trigger = triggerIdOf(ctx);
	const outcome = await new Promise<{ fresh: boolean[] } | { error: unknown }>((settle) => {
		const waiting = waitingByTrigger.get(trigger);
		const entry = { ...request, ctx, settle };
		if (waiting) {
			waiting.push(entry);
		} else {
			waitingByTrigger.set(trigger, [entry]);
			void drain(trigger);
		}
	});
	if ('error' in outcome) throw outcome.error;
	return outcome.fresh;
}

/** Checks the waiting executions batch by batch; those that arrive meanwhile form the next batch. */
async function drain(trigger: string): Promise<void> {
	const waiting = waitingByTrigger.get(trigger)!;
	while (waiting.length > 0) {
		const batch = waiting.splice(0);
		try {
			const fresh = await underLease(batch[0].ctx, async () => await checkAndRecord(batch));
			batch.forEach((entry, index) => entry.settle({ fresh: fresh[index] }));
		} catch (error) {
			for (const entry of batch) entry.settle({ error });
		}
	}
	waitingByTrigger.delete(trigger);
}

/**
 * One check-and-record for every item of the batch. n8n reports each key as processed or new against
 * the stored window only, so a key that two items of the batch share is new for the first of them alone.
 */
async function checkAndRecord(batch: Waiting[]): Promise<boolean[][]> {
	const unique = [...new Set(batch.flatMap((entry) => entry.keys.flat()))];
	const window = batch[batch.length - 1].window;
	const seen = new Set((await batch[0].ctx.helpers.checkProcessedAndRecord(unique, 'workflow', { ...ENTRIES, maxEntries: window })).processed.map(String));
	return batch.map((entry) =>
		entry.keys.map((itemKeys) => {
			const fresh = !itemKeys.some((key) => seen.has(key));
			for (const key of itemKeys) seen.add(key);
			return fresh;
		}),
	);
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

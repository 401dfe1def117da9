import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { THIS_PROCESS } from './dedupe';

/**
 * One n8n process at a time runs the cross-process duplicate check of a trigger (clusterDedupe.ts).
 * The lease is a row of n8n's processed-data table in the trigger node's own scope (`n:<node id>`):
 * of two processes inserting it, the table's primary key lets exactly one through, and deleting it
 * frees it. n8n keeps only hashes of a row's items and lets another process read nothing but how many
 * there are, so the row carries its holder and start as an item and a random lease number as its
 * item count: a waiter sees a new lease as a new number. A waiter breaks a lease it has seen unchanged
 * for LEASE_BREAK_MS (a holder that died), never by how long it waited itself; a holder releases its
 * lease only while it is younger than that, so it never deletes a lease that replaced its own.
 */
export const LEASE_BREAK_MS = 30_000;
const BREAK_JITTER_MS = 3_000;
/** After breaking, how long a breaker waits before it checks that the fresh lease is still its own. */
const BREAK_SETTLE_MS = 500;
const LEASE_ITEM = 'yunke-trigger-lease';
const LEASE_NUMBERS = 128;
const RELEASE_ATTEMPTS = 3;
const ENTRIES = { mode: 'entries' } as const;
/**
 * Test-only, `<workflow id>=<ms>` in n8n's environment (read through `$env`, which n8n blocks in nodes
 * by default): how long a holder keeps that workflow's lease after the check, so that test:queue can
 * kill a worker holding it.
 */
const TEST_HOLD_ENV = 'N8N_YUNKE_TEST_LEASE_HOLD';
let testHoldSetting: string | undefined;

export interface Lease {
	/** The row's item count: what other processes see of this lease. */
	number: number;
	takenAt: number;
}

type Holder = Pick<IExecuteFunctions, 'helpers' | 'logger' | 'getNode' | 'getExecutionId' | 'getWorkflow' | 'evaluateExpression'>;

/** Runs `work` under the trigger's lease; a release that fails is retried and logged, never thrown. */
export async function underLease<T>(ctx: Holder, work: () => Promise<T>): Promise<T> {
	const lease = await takeLease(ctx);
	try {
		const result = await work();
		await testHold(ctx);
		return result;
	} finally {
		await release(ctx, lease);
	}
}

async function takeLease(ctx: Holder): Promise<Lease> {
	const breakAfter = LEASE_BREAK_MS + Math.random() * BREAK_JITTER_MS;
	let seen: { number: number; since: number } | undefined;
	for (let attempt = 0; ; attempt++) {
		const number = await ctx.helpers.getProcessedDataCount('node', ENTRIES);
		const now = Date.now();
		if (number === 0) {
			const lease = await tryLease(ctx);
			if (lease) return lease;
			seen = undefined;
		} else if (!seen || seen.number !== number) {
			seen = { number, since: now };
		} else if (now - seen.since >= breakAfter) {
			ctx.logger.warn(`Yunke Trigger "${ctx.getNode().name}": breaking a duplicate-check lease unchanged for ${Math.round((now - seen.since) / 1000)} s (its holder stopped)`);
			const lease = await breakLease(ctx);
			if (lease) return lease;
			seen = undefined;
		}
		await sleep(Math.min(100, 5 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
	}
}

/** Inserts the lease row; undefined while another process holds it. */
async function tryLease(ctx: Holder): Promise<Lease | undefined> {
	const number = 2 + Math.floor(Math.random() * (LEASE_NUMBERS - 1));
	const takenAt = Date.now();
	const holder = `holder ${THIS_PROCESS} execution ${ctx.getExecutionId()} since ${new Date(takenAt).toISOString()}`;
	const fillers = Array.from({ length: number - 2 }, (_unused, index) => `${LEASE_ITEM} ${index}`);
	try {
		// No row: n8n inserts one, and the primary key lets only one of two racing inserts through.
		// A row that appeared since the count: n8n finds the lease item in it, `processed`.
		const result = await ctx.helpers.checkProcessedAndRecord([LEASE_ITEM, holder, ...fillers], 'node', ENTRIES);
		return result.processed.includes(LEASE_ITEM) ? undefined : { number, takenAt };
	} catch (error) {
		if (isKeyConflict(error)) return undefined;
		throw new NodeOperationError(ctx.getNode(), error as Error);
	}
}

/**
 * Deletes the stale lease and takes a fresh one. Another waiter that saw the same stale lease and
 * deletes a moment later removes this fresh lease instead and inserts its own: so the breaker waits
 * BREAK_SETTLE_MS and goes on only if the row still shows its own lease number.
 */
async function breakLease(ctx: Holder): Promise<Lease | undefined> {
	await ctx.helpers.clearAllProcessedItems('node', ENTRIES);
	const lease = await tryLease(ctx);
	if (!lease) return undefined;
	await sleep(BREAK_SETTLE_MS);
	if ((await ctx.helpers.getProcessedDataCount('node', ENTRIES)) === lease.number) return lease;
	ctx.logger.warn(`Yunke Trigger "${ctx.getNode().name}": another process broke the same lease at the same time; this one waits`);
	return undefined;
}

async function release(ctx: Holder, lease: Lease): Promise<void> {
	for (let attempt = 1; attempt <= RELEASE_ATTEMPTS; attempt++) {
		if (Date.now() - lease.takenAt >= LEASE_BREAK_MS) {
			ctx.logger.warn(`Yunke Trigger "${ctx.getNode().name}": held the duplicate-check lease for over ${LEASE_BREAK_MS / 1000} s; another process may have broken it, so it is left alone`);
			return;
		}
		try {
			await ctx.helpers.clearAllProcessedItems('node', ENTRIES);
			return;
		} catch (error) {
			const last = attempt === RELEASE_ATTEMPTS;
			ctx.logger.warn(
				`Yunke Trigger "${ctx.getNode().name}": could not release the duplicate-check lease (${(error as Error).message}); ${last ? `other processes break it after ${LEASE_BREAK_MS / 1000} s` : 'trying again'}`,
			);
			if (!last) await sleep(200 * attempt);
		}
	}
}

async function testHold(ctx: Holder): Promise<void> {
	if (testHoldSetting === undefined) {
		try {
			testHoldSetting = String(ctx.evaluateExpression(`{{ $env.${TEST_HOLD_ENV} ?? '' }}`, 0) ?? '');
		} catch {
			testHoldSetting = '';
		}
	}
	const [workflowId, ms] = testHoldSetting.split('=');
	if (!workflowId || workflowId !== ctx.getWorkflow().id || !(Number(ms) > 0)) return;
	ctx.logger.warn(`Yunke Trigger "${ctx.getNode().name}": holding the duplicate-check lease for ${ms} ms (test)`);
	await sleep(Number(ms));
}

/** Postgres "duplicate key value violates unique constraint", SQLite "UNIQUE constraint failed", MySQL "Duplicate entry". */
function isKeyConflict(error: unknown): boolean {
	const message = error instanceof Error ? error.message : String(error);
	return /duplicate key|unique constraint|duplicate entry|SQLITE_CONSTRAINT/i.test(message);
}

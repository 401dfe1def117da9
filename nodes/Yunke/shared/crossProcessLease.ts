import { randomUUID } from 'node:crypto';

import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * One n8n process at a time runs the work a lease guards (the trigger's cross-process duplicate
 * check, the find-or-create of a task by name). The lease is a row of n8n's processed-data table in
 * the node's own scope (`n:<node id>`), never the workflow scope (`''`), which every node of the
 * workflow shares: the trigger's duplicate keys and Remove Duplicates (scope "workflow") write there.
 * A node's own scope holds nothing else of ours, and Remove Duplicates' node scope is its own node's.
 *
 * Of two processes inserting the row, the table's primary key lets exactly one through, and deleting
 * it frees it. n8n keeps only hashes of a row's items and lets another process read nothing but how
 * many there are, so the row carries its holder and start as an item and a random lease number as its
 * item count: a waiter sees a new lease as a new number. A waiter breaks a lease it has seen unchanged
 * for LEASE_BREAK_MS (a holder that died), never by how long it waited itself; a holder releases its
 * lease only while it is younger than that, so it never deletes a lease that replaced its own. A guard
 * whose work may outlast that age (`renews`) adds an item to its row every third of it, which waiters
 * see as a new number.
 */
export const LEASE_BREAK_MS = 30_000;
const BREAK_JITTER_MS = 3_000;
/** After breaking, how long a breaker waits before it checks that the fresh lease is still its own. */
const BREAK_SETTLE_MS = 500;
const LEASE_NUMBERS = 128;
const RELEASE_ATTEMPTS = 3;
/** How often a renewing holder looks whether its lease is due for renewal. */
const RENEW_CHECK_MS = 200;
const ENTRIES = { mode: 'entries' } as const;
const THIS_PROCESS = randomUUID();
/**
 * Test-only, `<workflow id>=<ms>` in n8n's environment (read through `$env`, which n8n blocks in nodes
 * by default): how long a holder keeps that workflow's lease after its work, so that test:queue can
 * kill a worker holding it.
 */
const TEST_HOLD_ENV = 'N8N_YUNKE_TEST_LEASE_HOLD';
let testHoldSetting: string | undefined;

/** What a lease guards: named in log lines, and the item that marks its row. */
export interface LeaseGuard {
	/** e.g. `Yunke Trigger "Calls"`: who the log lines speak of */
	owner: string;
	/** e.g. `duplicate-check`: "the <purpose> lease" in log lines */
	purpose: string;
	/** the row's first item; another guard's item in the same row is never mistaken for this one */
	item: string;
	/** whether the holder keeps the lease fresh while its work runs (work that may outlast LEASE_BREAK_MS) */
	renews?: boolean;
}

interface Lease {
	/** The row's item count: what other processes see of this lease. */
	number: number;
	/** when the lease was taken or last renewed */
	freshAt: number;
}

export type LeaseHolder = Pick<IExecuteFunctions, 'helpers' | 'logger' | 'getNode' | 'getExecutionId' | 'getWorkflow' | 'evaluateExpression'>;

/** Runs `work` under the guard's lease; a release that fails is retried and logged, never thrown. */
export async function underLease<T>(ctx: LeaseHolder, guard: LeaseGuard, work: () => Promise<T>): Promise<T> {
	const lease = await takeLease(ctx, guard);
	const stopRenewing = guard.renews ? renewWhileHeld(ctx, guard, lease) : undefined;
	try {
		const result = await work();
		await testHold(ctx, guard);
		return result;
	} finally {
		await stopRenewing?.();
		await release(ctx, guard, lease);
	}
}

async function takeLease(ctx: LeaseHolder, guard: LeaseGuard): Promise<Lease> {
	const breakAfter = LEASE_BREAK_MS + Math.random() * BREAK_JITTER_MS;
	let seen: { number: number; since: number } | undefined;
	for (let attempt = 0; ; attempt++) {
		const number = await ctx.helpers.getProcessedDataCount('node', ENTRIES);
		const now = Date.now();
		if (number === 0) {
			const lease = await tryLease(ctx, guard);
			if (lease) return lease;
			seen = undefined;
		} else if (!seen || seen.number !== number) {
			seen = { number, since: now };
		} else if (now - seen.since >= breakAfter) {
			ctx.logger.warn(`${guard.owner}: breaking a ${guard.purpose} lease unchanged for ${Math.round((now - seen.since) / 1000)} s (its holder stopped)`);
			const lease = await breakLease(ctx, guard);
			if (lease) return lease;
			seen = undefined;
		}
		await sleep(Math.min(100, 5 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
	}
}

/** Inserts the lease row; undefined while another process holds it. */
async function tryLease(ctx: LeaseHolder, guard: LeaseGuard): Promise<Lease | undefined> {
	const number = 2 + Math.floor(Math.random() * (LEASE_NUMBERS - 1));
	const takenAt = Date.now();
	const holder = `holder ${THIS_PROCESS} execution ${ctx.getExecutionId()} since ${new Date(takenAt).toISOString()}`;
	const fillers = Array.from({ length: number - 2 }, (_unused, index) => `${guard.item} ${index}`);
	try {
		// No row: n8n inserts one, and the primary key lets only one of two racing inserts through.
		// A row that appeared since the count: n8n finds the lease item in it, `processed`.
		const result = await ctx.helpers.checkProcessedAndRecord([guard.item, holder, ...fillers], 'node', ENTRIES);
		return result.processed.includes(guard.item) ? undefined : { number, freshAt: takenAt };
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
async function breakLease(ctx: LeaseHolder, guard: LeaseGuard): Promise<Lease | undefined> {
	await ctx.helpers.clearAllProcessedItems('node', ENTRIES);
	const lease = await tryLease(ctx, guard);
	if (!lease) return undefined;
	await sleep(BREAK_SETTLE_MS);
	if ((await ctx.helpers.getProcessedDataCount('node', ENTRIES)) === lease.number) return lease;
	ctx.logger.warn(`${guard.owner}: another process broke the same lease at the same time; this one waits`);
	return undefined;
}

/** Adds an item to the row every third of LEASE_BREAK_MS until stopped; the returned function stops it. */
function renewWhileHeld(ctx: LeaseHolder, guard: LeaseGuard, lease: Lease): () => Promise<void> {
	let held = true;
	const renewing = (async () => {
		while (held) {
			await sleep(RENEW_CHECK_MS);
			if (!held || Date.now() - lease.freshAt < LEASE_BREAK_MS / 3) continue;
			try {
				await ctx.helpers.checkProcessedAndRecord([`${guard.item} renewed ${lease.number++} ${randomUUID()}`], 'node', ENTRIES);
				lease.freshAt = Date.now();
			} catch (error) {
				ctx.logger.warn(`${guard.owner}: could not renew the ${guard.purpose} lease (${(error as Error).message})`);
			}
		}
	})();
	return async () => {
		held = false;
		await renewing;
	};
}

async function release(ctx: LeaseHolder, guard: LeaseGuard, lease: Lease): Promise<void> {
	for (let attempt = 1; attempt <= RELEASE_ATTEMPTS; attempt++) {
		if (Date.now() - lease.freshAt >= LEASE_BREAK_MS) {
			ctx.logger.warn(`${guard.owner}: held the ${guard.purpose} lease for over ${LEASE_BREAK_MS / 1000} s; another process may have broken it, so it is left alone`);
			return;
		}
		try {
			await ctx.helpers.clearAllProcessedItems('node', ENTRIES);
			return;
		} catch (error) {
			const last = attempt === RELEASE_ATTEMPTS;
			ctx.logger.warn(
				`${guard.owner}: could not release the ${guard.purpose} lease (${(error as Error).message}); ${last ? `other processes break it after ${LEASE_BREAK_MS / 1000} s` : 'trying again'}`,
			);
			if (!last) await sleep(200 * attempt);
		}
	}
}

async function testHold(ctx: LeaseHolder, guard: LeaseGuard): Promise<void> {
	if (testHoldSetting === undefined) {
		try {
			testHoldSetting = String(ctx.evaluateExpression(`{{ $env.${TEST_HOLD_ENV} ?? '' }}`, 0) ?? '');
		} catch {
			testHoldSetting = '';
		}
	}
	const [workflowId, ms] = testHoldSetting.split('=');
	if (!workflowId || workflowId !== ctx.getWorkflow().id || !(Number(ms) > 0)) return;
	ctx.logger.warn(`${guard.owner}: holding the ${guard.purpose} lease for ${ms} ms (test)`);
	await sleep(Number(ms));
}

/** Postgres "duplicate key value violates unique constraint", SQLite "UNIQUE constraint failed", MySQL "Duplicate entry". */
function isKeyConflict(error: unknown): boolean {
	const message = error instanceof Error ? error.message : String(error);
	return /duplicate key|unique constraint|duplicate entry|SQLITE_CONSTRAINT/i.test(message);
}

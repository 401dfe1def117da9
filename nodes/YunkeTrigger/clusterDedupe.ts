import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { RECEIVED_BY, THIS_PROCESS, triggerIdOf } from './dedupe';
import { lookupKeys } from './dedupeKey';
import { underLease, type LeaseGuard } from '../Yunke/shared/crossProcessLease';
import { identityOf, type PushEvent } from './payload';

/**
 * The second, cluster-wide duplicate check. It runs as the first step of the execution (on a worker
 * in queue mode), because only executions reach n8n's processed-data table (`processed_data`,
 * shared by every n8n process through the database); webhook functions do not. An execution in the
 * process that received the push (a single n8n) skips it.
 *
 * n8n's check-and-record reads the row, then writes it back: two processes checking at once would
 * both see a record as new, so the check runs under a lease (shared/crossProcessLease.ts). Each key is recorded with the
 * execution that claimed it (`<key>@<execution id>`): when n8n runs that execution again (a stalled
 * job taken over by another worker), it emits its pushes again instead of calling them duplicates.
 *
 * A worker runs several executions of one trigger at once. Were each to take the lease by itself,
 * the waiting ones would poll the database and race each other's inserts (about 10 row reads and
 * half a failed insert per execution in queue scenario 3), so the executions of one trigger in one
 * process wait in memory and are checked together: one lease and one check-and-record per batch.
 */
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
		const fresh = await checkedInBatch(ctx, { keys, claim: `@${ctx.getExecutionId()}`, window });
		return paired.filter((_item, index) => fresh[index]);
	} catch (error) {
		// The record was acknowledged to Yunke already: dropping it would lose it for good.
		ctx.logger.warn(
			`Yunke Trigger "${ctx.getNode().name}": the duplicate check across n8n processes failed (${(error as Error).message}); ${sharedRowHint(error)}the push is emitted unchecked`,
		);
		return paired;
	}
}

/**
 * n8n refuses a check in a row saved in another mode: the workflow's row, where the keys live (a node's
 * own row holds the lease, see docs/trigger.md), was taken by a Remove Duplicates node with Scope
 * Workflow that keeps the latest value or date.
 */
function sharedRowHint(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	if (!/incompatible setting/i.test(message)) return '';
	return 'a Remove Duplicates node with Scope "Workflow" in this workflow uses the storage the trigger shares: set its Scope to "Node"; ';
}

interface Waiting {
	ctx: IExecuteFunctions;
	/** The lookup keys of each item (dedupeKey.ts). */
	keys: string[][];
	/** Appended to an item's first key: the record that this execution claimed it. */
	claim: string;
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

function duplicateCheckGuard(ctx: IExecuteFunctions): LeaseGuard {
	return { owner: `Yunke Trigger "${ctx.getNode().name}"`, purpose: 'duplicate-check', item: 'yunke-trigger-lease' };
}

/** Checks the waiting executions batch by batch; those that arrive meanwhile form the next batch. */
async function drain(trigger: string): Promise<void> {
	const waiting = waitingByTrigger.get(trigger)!;
	while (waiting.length > 0) {
		const batch = waiting.splice(0);
		try {
			const fresh = await underLease(batch[0].ctx, duplicateCheckGuard(batch[0].ctx), async () => await checkAndRecord(batch[0].ctx, batch));
			batch.forEach((entry, index) => entry.settle({ fresh: fresh[index] }));
		} catch (error) {
			for (const entry of batch) entry.settle({ error });
		}
	}
	waitingByTrigger.delete(trigger);
}

/**
 * One check-and-record for every item of the batch, with each item's claim by its execution. An item
 * is fresh when its execution claimed it before (a re-run) or none of its keys was recorded; n8n
 * reports each key as processed or new against the stored window only, so a key that two items of the
 * batch share is new for the first of them alone. The claims of the items found to be duplicates are
 * taken back, so that a re-run of their execution does not emit them.
 */
async function checkAndRecord(ctx: IExecuteFunctions, batch: Waiting[]): Promise<boolean[][]> {
	const claimOf = (entry: Waiting, itemKeys: string[]) => `${itemKeys[0]}${entry.claim}`;
	const claims = batch.flatMap((entry) => entry.keys.map((itemKeys) => claimOf(entry, itemKeys)));
	const unique = [...new Set([...batch.flatMap((entry) => entry.keys.flat()), ...claims])];
	// keys and claims: twice the window, and room for an import result's key of the previous period
	const maxEntries = 3 * batch[batch.length - 1].window;
	const processed = new Set((await ctx.helpers.checkProcessedAndRecord(unique, 'workflow', { ...ENTRIES, maxEntries })).processed.map(String));
	const seen = new Set<string>();
	const takenBack: string[] = [];
	const fresh = batch.map((entry) =>
		entry.keys.map((itemKeys) => {
			const claim = claimOf(entry, itemKeys);
			const isFresh = processed.has(claim) || !itemKeys.some((key) => processed.has(key) || seen.has(key));
			for (const key of itemKeys) seen.add(key);
			if (!isFresh) takenBack.push(claim);
			return isFresh;
		}),
	);
	if (takenBack.length > 0) await ctx.helpers.removeProcessed(takenBack, 'workflow', ENTRIES);
	return fresh;
}

import type { IExecuteFunctions } from 'n8n-workflow';

import { underLease, type LeaseGuard } from '../../../../shared/crossProcessLease';
import { findTasksNamed, sameNameError } from './taskByName';

/** A task the rows go to, as the import names it. */
export interface NamedTask {
	id: string;
	sn: string;
	name: string;
}

/** What an execution asking for a task by name is told: use this task, or create it now. */
export type NameResolution =
	| { found: NamedTask }
	| {
			/** Call once the task exists (or its creation failed): the executions waiting for the name go on. */
			created: (task: NamedTask | undefined) => void;
	  };

/**
 * Find-or-create of a task by name, one at a time across every n8n process. The look in the task list
 * and the creation that follows when the name is missing run under a lease (shared/crossProcessLease.ts)
 * in the Yunke node's own processed-data scope; the lease is renewed while the creation runs, since a
 * creation whose answer is lost may take minutes to settle. Executions of one node waiting in this
 * process queue in memory and are answered together: one lease and one look per name for each batch.
 * An execution told to create holds the batch until its task exists; those asking for the same name are
 * then given that task without another read (a list that lags behind a creation cannot make a second).
 */
const NAME_GUARD_ITEM = 'yunke-task-name-lease';

interface Waiting {
	ctx: IExecuteFunctions;
	name: string;
	settle: (outcome: NameResolution | { error: unknown }) => void;
}

/** Per node (workflow id + node id, the lease's scope): the executions of this process waiting. */
const waitingByNode = new Map<string, Waiting[]>();

export async function resolveTaskByName(ctx: IExecuteFunctions, name: string): Promise<NameResolution> {
	const node = `${ctx.getWorkflow().id ?? ''} ${ctx.getNode().id}`;
	const outcome = await new Promise<NameResolution | { error: unknown }>((settle) => {
		const waiting = waitingByNode.get(node);
		const entry = { ctx, name, settle };
		if (waiting) {
			waiting.push(entry);
		} else {
			waitingByNode.set(node, [entry]);
			void drain(node);
		}
	});
	if ('error' in outcome) throw outcome.error;
	return outcome;
}

async function drain(node: string): Promise<void> {
	const waiting = waitingByNode.get(node)!;
	while (waiting.length > 0) {
		const batch = waiting.splice(0);
		const guard: LeaseGuard = { owner: `Yunke "${batch[0].ctx.getNode().name}"`, purpose: 'task-by-name', item: NAME_GUARD_ITEM, renews: true };
		try {
			waiting.unshift(...(await underLease(batch[0].ctx, guard, async () => await answerBatch(batch))));
		} catch (error) {
			for (const entry of batch) entry.settle({ error });
		}
	}
	waitingByNode.delete(node);
}

/**
 * One look in the task list per name the batch asks for (with the first execution's credentials: one
 * node, one credential); per missing name, one execution creates and the others get its task. Returns
 * the executions to ask again: those whose creator failed (the next of them creates).
 */
async function answerBatch(batch: Waiting[]): Promise<Waiting[]> {
	const names = [...new Set(batch.map((entry) => entry.name))];
	const askAgain = await Promise.all(names.map(async (name) => await answerName(batch[0].ctx, name, batch.filter((entry) => entry.name === name))));
	return askAgain.flat();
}

async function answerName(ctx: IExecuteFunctions, name: string, asking: Waiting[]): Promise<Waiting[]> {
	let matches;
	try {
		matches = await findTasksNamed(ctx, name);
	} catch (error) {
		for (const entry of asking) entry.settle({ error });
		return [];
	}
	if (matches.length > 1) {
		for (const entry of asking) entry.settle({ error: sameNameError(entry.ctx, name, matches) });
		return [];
	}
	const existing = matches[0];
	if (existing) {
		for (const entry of asking) entry.settle({ found: { id: existing.id, sn: existing.sn, name } });
		return [];
	}
	const [creator, ...others] = asking;
	const created = await new Promise<NamedTask | undefined>((done) => creator.settle({ created: once(done) }));
	if (!created) return others;
	for (const entry of others) entry.settle({ found: created });
	return [];
}

function once<T>(callback: (value: T) => void): (value: T) => void {
	let called = false;
	return (value) => {
		if (called) return;
		called = true;
		callback(value);
	};
}

import type { INodeExecutionData } from 'n8n-workflow';

import type { FaultAction } from '../../../sandbox/faults';
import type { Sandbox } from '../../../sandbox/server';
import { RawClient, passwordCredential } from '../../helpers/sandbox';
import type { NodeRunResult } from '../../harness/engine';

/** Every fault kind the reliability run covers, as it is injected into the sandbox. */
export type FaultKind = 'anotherLogin' | 'keyExpired' | 'http5xx' | 'reset' | 'timeout' | 'html' | 'empty' | 'stringCode' | 'truncated';

export const TRANSIENT_ACTIONS: Partial<Record<FaultKind, FaultAction>> = {
	http5xx: { type: 'http', status: 503, body: 'Service Unavailable' },
	reset: { type: 'reset' },
	timeout: { type: 'hang', ms: 3500 }, // the credential of the reliability bed times out after 2 s
	html: { type: 'html' },
	empty: { type: 'empty' },
	truncated: { type: 'truncated' },
};

/** Faults after which the server may have applied a write: only these have an 'after' phase. */
export const AMBIGUOUS_KINDS = Object.keys(TRANSIENT_ACTIONS) as FaultKind[];
export const ALL_KINDS: FaultKind[] = ['anotherLogin', 'keyExpired', 'stringCode', ...AMBIGUOUS_KINDS];

/**
 * Arms one fault on `path` for the call after `skip` calls. 'anotherLogin' holds that call for a moment
 * and logs in elsewhere meanwhile, so the key the node sent dies mid-run exactly as in production.
 */
export function armFault(sandbox: Sandbox, kind: FaultKind, path: string, phase: 'before' | 'after', skip = 0): () => Promise<void> {
	switch (kind) {
		case 'anotherLogin': {
			sandbox.injectFault({ path, skip, action: { type: 'delay', ms: 250 } });
			const other = new RawClient(passwordCredential(sandbox));
			let stopped = false;
			const watcher = (async () => {
				while (!stopped && sandbox.faults.pending().some((rule) => rule.path === path)) await pause(5);
				if (!stopped) await other.login();
			})();
			return async () => {
				stopped = true;
				await watcher;
			};
		}
		case 'keyExpired':
			// the key the node holds expires on the server: its stored expiry still looks valid
			sandbox.auth.expireNow();
			return async () => {};
		case 'stringCode':
			sandbox.injectFault({ path, skip, action: { type: 'stringCode', code: 20005 } });
			return async () => {};
		default:
			sandbox.injectFault({ path, skip, phase, action: TRANSIENT_ACTIONS[kind] as FaultAction });
			return async () => {};
	}
}

export function pause(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The messages of transport faults (nodes/Yunke/transport/errors.ts): clear, English, no stack. */
export const CLEAR_FAULT_MESSAGE =
	/^(The Yunke server answered with an HTTP error \d+|The connection to the Yunke server broke before an answer arrived|The Yunke server did not answer in time|The Yunke server answered with something that is not JSON|The Yunke server sent an empty answer)$/;

/** A write whose answer was lost and whose effect could not be settled (nodes/Yunke/v1/actions/task/import/lostAnswers.ts). */
export const MAY_HAVE_BEEN_APPLIED = /^(The task ".+" may have been created: Yunke's answer to the creation was lost|These rows may have been imported into task .+: Yunke's answer was lost)$/;

/** Error items of a run with Continue (using error output). */
export function errorItems(result: NodeRunResult): INodeExecutionData[] {
	return result.outputs[1] ?? [];
}

export function successItems(result: NodeRunResult): INodeExecutionData[] {
	return result.outputs[0] ?? [];
}

export function pairedTo(items: INodeExecutionData[]): number[] {
	return items.map((item) => {
		const paired = item.pairedItem as { item: number } | Array<{ item: number }> | undefined;
		return Array.isArray(paired) ? paired[0]?.item : (paired?.item as number);
	});
}

/** Input rows against the rows the tasks hold: lost (in no task and not reported as an error item) and duplicated (in more than one place). */
export function rowsAgainstTasks(items: Array<Record<string, string>>, tasks: Array<{ rows: Array<{ phone: string }> }>, output: INodeExecutionData[]) {
	const inTasks = new Map<string, number>();
	for (const task of tasks) for (const row of task.rows) inTasks.set(row.phone, (inTasks.get(row.phone) ?? 0) + 1);
	const reported = output.filter((item) => item.error || item.json.error);
	const reportedItems = new Set(pairedTo(reported));
	const lost: string[] = [];
	const duplicated: string[] = [];
	items.forEach((item, itemIndex) => {
		const times = inTasks.get(item.phone) ?? 0;
		if (times === 0 && !reportedItems.has(itemIndex)) lost.push(item.phone);
		if (times > 1) duplicated.push(item.phone);
	});
	return { lost, duplicated, reported };
}

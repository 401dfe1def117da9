import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The counters of the `reliability …` summary line; run.js adds up what every test appended. */
export type TallyKey =
	| 'faults'
	| 'survived'
	| 'bad_inputs'
	| 'caught'
	| 'rows_lost'
	| 'rows_duplicated'
	| 'tasks_duplicated'
	| 'calls_duplicated'
	| 'secret_leaks'
	| 'numbers_duplicated'
	| 'silent_no_ops';

export const TALLY_FILE = process.env.RELIABILITY_TALLY_FILE ?? path.join(tmpdir(), 'n8n-nodes-yunke-reliability.jsonl');

export function count(key: TallyKey, amount = 1, detail?: string): void {
	const test = expect.getState().currentTestName ?? '';
	appendFileSync(TALLY_FILE, `${JSON.stringify({ key, amount, test, detail })}\n`);
}

/** A fault case: counted when it starts, counted as survived only when every assertion in it held. */
export async function faultCase(run: () => Promise<void>): Promise<void> {
	count('faults');
	await run();
	count('survived');
}

/** A bad-input case: counted when it starts, counted as caught only when every assertion in it held. */
export async function badInputCase(run: () => Promise<void>): Promise<void> {
	count('bad_inputs');
	await run();
	count('caught');
}

import { sleep } from 'n8n-workflow';

const FIRST_PAUSE_MS = 250;
const MAX_PAUSE_MS = 5000;

/**
 * After a lost answer, how long to keep looking for what the write did: the platform may still be
 * working on the request for as long as the client would have waited, so the request timeout, plus
 * the same again (at least 2 s) for the change to show in lists.
 */
export function lostAnswerWaitMs(timeoutMs: number): number {
	return timeoutMs + listingWaitMs(timeoutMs);
}

/** After an answer that leaves a write's outcome unknown (code 500): the platform is done, lists may lag. */
export function listingWaitMs(timeoutMs: number): number {
	return Math.max(timeoutMs, 2000);
}

/**
 * The one "look until it shows" loop: calls `look` with doubling pauses (250 ms up to 5 s) until it
 * returns a value or `waitMs` has passed (one last look is made at the deadline); never sleeps past it.
 * Returns undefined when nothing showed in time. An error thrown by `look` ends the wait.
 */
export async function pollUntil<T>(waitMs: number, look: () => Promise<T | undefined>): Promise<T | undefined> {
	const deadline = Date.now() + waitMs;
	let pause = FIRST_PAUSE_MS;
	for (;;) {
		const found = await look();
		if (found !== undefined) return found;
		const left = deadline - Date.now();
		if (left <= 0) return undefined;
		await sleep(Math.min(pause, left));
		pause = Math.min(pause * 2, MAX_PAUSE_MS);
	}
}

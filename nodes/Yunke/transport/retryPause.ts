const FIRST_PAUSE_MS = 300;
/** At the default request timeout (60 s) the first pause is the full 300 ms. */
const TIMEOUT_SHARE = 1 / 200;

/**
 * The pause before a read that met a transient fault is sent again: 300 ms, doubling with each retry,
 * but never more than a share of the request timeout the user set, so a short timeout also means
 * short pauses (with 2 s: 10, 20, 40 ms).
 */
export function retryPauseMs(timeoutMs: number, retry: number): number {
	return Math.min(FIRST_PAUSE_MS, timeoutMs * TIMEOUT_SHARE) * 2 ** retry;
}

/**
 * One login at a time per credential in this n8n process. Every execution a worker runs shares this
 * module, and every Yunke login kills the key the others hold: the executions that find the credential
 * cold (or its key dead) at the same moment wait for the one request that logs in, then use the key it
 * stored instead of logging in in turn.
 */
const flights = new Map<string, Promise<unknown>>();
const landed = new Map<string, number>();

/** The request that is logging in for this credential right now, if any. */
export function loginInFlight(credentialId: string): Promise<unknown> | undefined {
	return flights.get(credentialId);
}

/**
 * How many logins of this process have settled for the credential. A request that read the credential
 * before the latest one settled holds stale data: it re-reads instead of logging in (which would kill
 * the key that login just stored).
 */
export function loginsLanded(credentialId: string): number {
	return landed.get(credentialId) ?? 0;
}

/** Runs `loginAndSend` as this process's login for the credential; `loginInFlight` returns it until it settles. */
export async function flyLogin<T>(credentialId: string, loginAndSend: () => Promise<T>): Promise<T> {
	const flight = loginAndSend();
	flights.set(credentialId, flight);
	try {
		return await flight;
	} finally {
		if (flights.get(credentialId) === flight) flights.delete(credentialId);
		landed.set(credentialId, loginsLanded(credentialId) + 1);
	}
}

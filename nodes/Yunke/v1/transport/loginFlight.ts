/**
 * One login at a time per credential in this n8n process. Every execution a worker runs shares this
 * module, and every Yunke login kills the key the others hold: the executions that find the credential
 * cold (or its key dead) at the same moment wait for the one request that logs in, then use the key it
 * stored instead of logging in in turn.
 */
const flights = new Map<string, Promise<unknown>>();

/** The request that is logging in for this credential right now, if any. */
export function loginInFlight(credentialId: string): Promise<unknown> | undefined {
	return flights.get(credentialId);
}

/** Runs `loginAndSend` as this process's login for the credential; `loginInFlight` returns it until it settles. */
export async function flyLogin<T>(credentialId: string, loginAndSend: () => Promise<T>): Promise<T> {
	const flight = loginAndSend();
	flights.set(credentialId, flight);
	try {
		return await flight;
	} finally {
		if (flights.get(credentialId) === flight) flights.delete(credentialId);
	}
}

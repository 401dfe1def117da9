/**
 * SUCCESS only once n8n has the push. A push that starts an execution is answered by n8n itself
 * (the webhook's `responseData`), and in n8n 2.41 that answer leaves only after n8n stored the
 * execution and handed it to its queue (webhook-helpers: the onReceived answer waits for
 * WorkflowRunner.run, which in queue mode awaits the job's enqueueing); when either fails, n8n
 * answers HTTP 500 and Yunke sends the push again. The duplicate window already remembers the push by
 * then, so a push that was not answered SUCCESS is forgotten again, and a repeat that arrives while
 * its original still waits for n8n waits for that answer before it is called a duplicate.
 */
interface Answerable {
	statusCode: number;
	writableFinished?: boolean;
	once(event: 'finish' | 'close', listener: () => void): unknown;
}

const waiting = new Map<string, Promise<boolean>>();

/** Watches n8n's answer to an emitted push; `forget` runs unless it was a 200. */
export function watchAnswer(response: Answerable, triggerId: string, key: string, forget: () => void): void {
	const id = `${triggerId}\n${key}`;
	const answered = new Promise<boolean>((resolve) => {
		response.once('finish', () => resolve(response.statusCode === 200));
		// the connection ended first (Yunke gave up, or n8n never answered): Yunke sends the push again
		response.once('close', () => resolve(response.writableFinished === true && response.statusCode === 200));
	}).then((accepted) => {
		if (waiting.get(id) === answered) waiting.delete(id);
		if (!accepted) forget();
		return accepted;
	});
	waiting.set(id, answered);
}

/** Whether the earlier delivery under any of these keys was answered SUCCESS (true when answered long ago). */
export async function earlierDeliveryAccepted(triggerId: string, keys: string[]): Promise<boolean> {
	for (const key of keys) {
		const answered = waiting.get(`${triggerId}\n${key}`);
		if (answered && !(await answered)) return false;
	}
	return true;
}

/**
 * In n8n, reading a credential is a database query: an execution can start reading the cold credential
 * before another execution's login stores its key, and get the answer after that login has finished.
 * It must then re-read and use that key, not log in again (which would kill it for everyone else).
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { useBed } from '../helpers/bed';
import { jsonOf } from '../helpers/yunke';

const LIST_SCRIPTS = { resource: 'script', operation: 'getMany', returnAll: true };

const bed = useBed();

async function until(condition: () => boolean): Promise<void> {
	while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

it('an execution whose credential read outlasted another execution\'s login uses that login\'s key', async () => {
	const helper = bed.engine.credentialsHelper;
	const read = helper.getDecrypted.bind(helper);
	let coldReads = 0;
	// the second cold read answers only once the first execution's login has landed and its call was answered
	helper.getDecrypted = async (...args: Parameters<typeof read>): Promise<ICredentialDataDecryptedObject> => {
		const data = await read(...args);
		if (!data.apiKey && ++coldReads === 2) {
			await until(() => bed.sandbox.requestsTo('/api/templatelist').length > 0);
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		return data;
	};
	try {
		const results = await Promise.all([bed.run(LIST_SCRIPTS), bed.run(LIST_SCRIPTS)]);
		for (const result of results) {
			expect(result.status).toBe('success');
			expect(jsonOf(result.outputs[0]).length).toBeGreaterThan(0);
		}
		expect(coldReads).toBeGreaterThanOrEqual(2);
		expect(bed.sandbox.auth.logins).toBe(1);
	} finally {
		helper.getDecrypted = read;
	}
});

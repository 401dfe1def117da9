/**
 * Executions that one n8n worker runs at once share the node's modules. When they find the credential
 * cold, or its key killed, at the same moment, one of them logs in and the others take the key it
 * stored: one login per process instead of one per execution (each of which would kill the last).
 */
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';

const LIST_SCRIPTS = { resource: 'script', operation: 'getMany', returnAll: true };
const EXECUTIONS = 5;

const bed = useBed();

async function runAtOnce(): Promise<void> {
	const results = await Promise.all(Array.from({ length: EXECUTIONS }, async () => await bed.run(LIST_SCRIPTS, [{ n: 1 }, { n: 2 }])));
	for (const result of results) {
		expect(result.status).toBe('success');
		expect(result.outputs[1] ?? []).toEqual([]);
		expect(jsonOf(result.outputs[0]).length).toBeGreaterThan(0);
	}
}

describe('logins shared by the executions of one process', () => {
	it(`${EXECUTIONS} executions starting at once on a cold credential log in once and all use that key`, async () => {
		await runAtOnce();
		expect(bed.sandbox.auth.logins).toBe(1);
		expect(bed.sandbox.requestsTo('/api/templatelist').every((call) => (call.answer as { code: number }).code === 0)).toBe(true);
		expect(bed.storedSession().apiKey).toBe(bed.sandbox.auth.currentKey());
	});

	it(`${EXECUTIONS} executions meeting a killed key at once log in once more between them`, async () => {
		await runAtOnce();
		bed.sandbox.auth.invalidate();
		bed.sandbox.auth.logins = 0;
		await runAtOnce();
		expect(bed.sandbox.auth.logins).toBe(1);
		expect(bed.storedSession().apiKey).toBe(bed.sandbox.auth.currentKey());
	});
});

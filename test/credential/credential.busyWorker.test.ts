/**
 * n8n applies the credential's display rules every time an execution reads it, and runs `regex` rules
 * in a vm with a 250 ms wall-clock limit. On a busy worker (CPU shared with other executions) that
 * limit passes before the regex runs: the credential must resolve without needing a regex at all.
 */
import { resetSafeRegexEngine, setSafeRegexEngine, type RegexEngine } from 'n8n-workflow';

import { jsonOf, yunkeTestBed, type YunkeTestBed } from '../helpers/yunke';

const timedOut = (): never => {
	throw new Error('Regular expression execution timed out');
};
/** n8n's regex engine as a starved worker experiences it: every call hits the time limit. */
const STARVED_ENGINE: RegexEngine = { exec: timedOut, test: timedOut, replace: timedOut, matchAll: timedOut, split: timedOut };

let bed: YunkeTestBed;
beforeAll(async () => (bed = await yunkeTestBed()));
afterAll(async () => await bed.close());
afterEach(() => resetSafeRegexEngine());

describe("a worker too busy for n8n's regex time limit", () => {
	it.each([
		['cold', () => bed.coldCredential()],
		['warm', () => undefined],
	])('still reads the %s credential and runs the node', async (_label, prepare) => {
		prepare();
		setSafeRegexEngine(STARVED_ENGINE);
		const result = await bed.run({ resource: 'script', operation: 'getMany', returnAll: true }, [{}, {}]);
		expect(result.error?.message).toBeUndefined();
		expect(result.status).toBe('success');
		expect(jsonOf(result.outputs[0]).length).toBeGreaterThan(0);
	});
});

/**
 * A write whose login fails (the credential is cold, or its key is renewed) was never sent: the error
 * is the login's, never "may have been created", and nothing reaches the write's path.
 */
import { ENDPOINTS } from '../../nodes/Yunke/shared/contract';
import { createParameters, people } from '../helpers/imports';
import { useBed } from '../helpers/bed';

const TIMEOUT_S = 1;
const bed = useBed({ credential: { timeoutSeconds: TIMEOUT_S } });

it.each([
	['does not answer in time', { type: 'delay' as const, ms: TIMEOUT_S * 1000 + 500 }],
	['drops the connection', { type: 'reset' as const }],
])('Task → Create when the login %s: a login error, the creation never sent', async (_label, action) => {
	bed.sandbox.injectFault({ path: ENDPOINTS.login, phase: 'before', count: 5, action });
	const result = await bed.run(createParameters(bed.sandbox), people(2), { onError: 'continueErrorOutput' });
	expect(bed.sandbox.requestsTo(ENDPOINTS.taskCreateJson)).toHaveLength(0);
	const errors = result.outputs[1];
	expect(errors.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	expect(String(errors[0].json.error)).toMatch(/^Yunke login failed/);
	expect(String(errors[0].json.error)).not.toContain('may have been created');
	expect(JSON.stringify(errors)).not.toContain(String(bed.storedSession().password ?? 'no password stored'));
});

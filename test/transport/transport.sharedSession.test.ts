/**
 * The requests of one run sign with the run's shared read of the stored session instead of n8n reading
 * (in n8n: querying and decrypting) the credential once more for every request; a key another worker
 * stored mid-run reaches the next requests after one rejection, without a login of ours.
 */
import type { IDataObject } from 'n8n-workflow';

import { buildLoginRequest, parseLoginResponse } from '../../nodes/Yunke/shared/loginAndSigning';
import { DEFAULT_REQUESTS_IN_PARALLEL as DEFAULT } from '../../nodes/Yunke/v1/actions/parallelism';
import { Params } from '../../sandbox/routeToolkit';
import { passwordCredential } from '../helpers/sandbox';
import { CREDENTIAL_REF, jsonOf, yunkeTestBed, type YunkeTestBed } from '../helpers/yunke';

const GET = '/api/templatedata';

let bed: YunkeTestBed;
beforeAll(async () => (bed = await yunkeTestBed()));
afterAll(async () => await bed.close());
beforeEach(() => bed.sandbox.reset());
afterEach(() => (bed.sandbox.speed.answerDelayMs = 0));

async function getScripts(count: number) {
	const sn = bed.sandbox.data.scripts[0].sn;
	return await bed.run(
		{ resource: 'script', operation: 'get', script: { __rl: true, mode: 'id', value: '={{ $json.sn }}' } },
		Array.from({ length: count }, () => ({ sn })),
	);
}

/** Counts n8n's reads of the stored credential while `run` runs. */
async function countingReads<T>(run: () => Promise<T>): Promise<{ result: T; reads: number }> {
	const helper = bed.engine.credentialsHelper;
	const read = helper.getDecrypted.bind(helper);
	let reads = 0;
	helper.getDecrypted = async (...args: Parameters<typeof read>) => {
		reads++;
		return await read(...args);
	};
	try {
		return { result: await run(), reads };
	} finally {
		helper.getDecrypted = read;
	}
}

/** Another worker's login, as it lands: the sandbox kills our key and the credential stores the new one, at once. */
function anotherWorkerLogsIn(): void {
	const credential = passwordCredential(bed.sandbox);
	const body = buildLoginRequest(credential).body as IDataObject;
	const answer = bed.sandbox.auth.login(bed.sandbox.data, new Params(Object.entries(body)));
	const stored = bed.engine.credentialStore.get(CREDENTIAL_REF.yunkeApi.id)!;
	bed.engine.setCredential({ ...stored, data: { ...stored.data, ...parseLoginResponse((answer as { json: unknown }).json, credential) } });
}

it('a run of 40 items reads the stored credential once per second of the run, not once per request', async () => {
	await getScripts(1); // a stored key
	const started = Date.now();
	const { result, reads } = await countingReads(async () => await getScripts(40));
	const seconds = (Date.now() - started) / 1000;
	expect(result.status).toBe('success');
	expect(jsonOf(result.outputs[0])).toHaveLength(40);
	expect(bed.sandbox.requestsTo(GET)).toHaveLength(41);
	expect(reads).toBeGreaterThanOrEqual(1);
	expect(reads).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
	expect(reads).toBeLessThan(40);
});

it('a key another worker stores mid-run costs one rejected request per lane at most: the first lane rejected shares the stored key', async () => {
	await getScripts(1);
	bed.sandbox.auth.logins = 0;
	bed.sandbox.log = [];
	bed.sandbox.speed.answerDelayMs = 20;
	const running = getScripts(96);
	// early in the run, while its one read of the credential (with the old key) is still shared
	while (bed.sandbox.requestsTo(GET).length < 2) await new Promise((resolve) => setTimeout(resolve, 1));
	anotherWorkerLogsIn();
	const result = await running;
	expect(result.status).toBe('success');
	expect(jsonOf(result.outputs[0])).toHaveLength(96);
	expect(bed.sandbox.auth.logins).toBe(1); // the other worker's: the node did not log in
	const rejected = bed.sandbox.requestsTo(GET).filter((entry) => (entry.answer as { code: number }).code === 20005);
	// one per lane at most: the lane whose request is rejected takes the stored key and shares it
	expect(rejected.length).toBeGreaterThanOrEqual(1);
	expect(rejected.length).toBeLessThanOrEqual(DEFAULT);
	expect(bed.storedSession().apiKey).toBe(bed.sandbox.auth.currentKey());
});

/**
 * Two workers (two n8n processes: each its own copy of the node's modules, so no shared login flight)
 * find the shared credential cold at the same moment. The one that pauses longer before logging in
 * finds the key the other stored meanwhile and uses it: one login, not one per worker (each login
 * kills the key the other holds).
 */
import type { INodeParameters } from 'n8n-workflow';

import { YunkeApi } from '../../credentials/YunkeApi.credentials';
import type { Yunke as YunkeNode } from '../../nodes/Yunke/Yunke.node';
import { TestEngine } from '../harness/engine';
import { useBed } from '../helpers/bed';
import { CREDENTIAL_REF, jsonOf } from '../helpers/yunke';

const LIST_SCRIPTS: INodeParameters = { resource: 'script', operation: 'getMany', returnAll: true };

const bed = useBed();

/** Another n8n process: a fresh copy of every module of the node, the same credential row. */
function otherProcess(): TestEngine {
	let Yunke!: typeof YunkeNode;
	jest.isolateModules(() => ({ Yunke } = require('../../nodes/Yunke/Yunke.node') as { Yunke: typeof YunkeNode }));
	const engine = new TestEngine({ nodeTypes: { 'n8n-nodes-yunke.yunke': new Yunke() }, credentialTypes: { yunkeApi: new YunkeApi() } });
	(engine.credentialsHelper as unknown as { store: unknown }).store = bed.engine.credentialStore;
	return engine;
}

const run = async (engine: TestEngine) => await engine.runNode({ type: 'n8n-nodes-yunke.yunke', typeVersion: 1, parameters: LIST_SCRIPTS, credentials: CREDENTIAL_REF }, [{}]);

it('the worker that pauses longer uses the key the other stored during its pause', async () => {
	const other = otherProcess();
	// the worker that draws first pauses for almost the whole pause, the other not at all
	const draws = [0.99, 0];
	const random = jest.spyOn(Math, 'random').mockImplementation(() => draws.shift() ?? 0.5);
	try {
		const results = await Promise.all([run(bed.engine), run(other)]);
		for (const result of results) {
			expect(result.status).toBe('success');
			expect(jsonOf(result.outputs[0]).length).toBeGreaterThan(0);
		}
		expect(bed.sandbox.auth.logins).toBe(1);
		expect(bed.storedSession().apiKey).toBe(bed.sandbox.auth.currentKey());
		expect(bed.sandbox.requestsTo('/api/templatelist').map((call) => (call.answer as { code: number }).code)).toEqual([0, 0]);
	} finally {
		random.mockRestore();
	}
});

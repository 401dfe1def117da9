/**
 * `npm run bench:items`: 1,000 items of a read (Script → Get) and of a write that may run in parallel
 * (Do-Not-Disturb → Add, one number per item) against the sandbox with BENCH_LATENCY_MS added to every
 * answer, four ways in the same run and the same in-process n8n engine (WorkflowExecute):
 *   ours        the Yunke node with its default Batching (Requests in Parallel 5)
 *   raw         a plain signed client (axios) sending the same calls, as many in flight as ours
 *   http        n8n's HTTP Request node (n8n-nodes-base of the installed n8n) as users set it up:
 *               Predefined Credential Type → Yunke API, a JSON body, no Batching (every item at once)
 *   sequential  the Yunke node with Requests in Parallel 1 (one item after another, as before)
 * Times are the median of BENCH_ROUNDS rounds (sequential: one run). One line per operation:
 *   items op=… n=… latency_ms=… parallel=… ours_s=… raw_s=… http_request_s=… sequential_s=… ratio=<ours/raw>
 *   ours_cpu_ms=… raw_cpu_ms=… http_request_cpu_ms=… cpu_ratio=<ours/raw>
 * The *_cpu_ms are this process's CPU time per 1,000 items (median of the rounds): the work the client
 * does per request, which wall time on a loaded machine hides (the sandbox runs in its own process).
 */

import { performance } from 'node:perf_hooks';
import type { IDataObject, INodeParameters, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { YunkeApi } from '../credentials/YunkeApi.credentials';
import { ENDPOINTS } from '../nodes/Yunke/shared/contract';
import { DEFAULT_REQUESTS_IN_PARALLEL } from '../nodes/Yunke/v1/actions/parallelism';
import { Yunke } from '../nodes/Yunke/Yunke.node';
import type { LoggedRequest } from '../sandbox/server';
import { mostAtOnce } from '../test/helpers/requestLog';
import { TestEngine, type NodeRunResult } from '../test/harness/engine';
import { DEMO_LOGIN, RawClient } from '../test/helpers/sandbox';
import { loadHttpRequestNode } from './httpRequestNode';
import { startSandboxProcess } from './sandboxProcess';
import { median } from './median';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CREDENTIAL = { id: 'bench', name: 'Yunke sandbox' };
const RUN_TIMEOUT_MS = 30 * 60_000;

type Sandbox = Awaited<ReturnType<typeof startSandboxProcess>>;

interface Operation {
	name: string;
	endpoint: string;
	/** the node's parameters, with `={{ $json.value }}` for the per-item value */
	parameters: INodeParameters;
	/** the vendor body of one item, as the node sends it */
	body(value: string): IDataObject;
	/** a fresh value per item and way, so that every write adds a new number */
	values(way: string, round: number, scriptSns: string[]): string[];
}

const OPERATIONS: Operation[] = [
	{
		name: 'script.get',
		endpoint: ENDPOINTS.scriptGet,
		parameters: { resource: 'script', operation: 'get', script: { __rl: true, mode: 'id', value: '={{ $json.value }}' } },
		body: (sn) => ({ project_sn: sn }),
		values: (_way, _round, scriptSns) => Array.from({ length: ITEMS }, (_, index) => scriptSns[index % scriptSns.length]),
	},
	{
		name: 'doNotDisturb.add',
		endpoint: ENDPOINTS.dndAdd,
		parameters: { resource: 'doNotDisturb', operation: 'add', source: 'number', phone: '={{ $json.value }}', days: 0 },
		body: (phone) => ({ phone, term_value: 0 }),
		values: (way, round) => {
			const block = ['ours', 'raw', 'http', 'sequential'].indexOf(way) * 10 + round;
			return Array.from({ length: ITEMS }, (_, index) => `13${String(block).padStart(2, '0')}${String(index).padStart(7, '0')}`);
		},
	},
];

async function main(): Promise<void> {
	const sandbox = await startSandboxProcess();
	try {
		await sandbox.control('POST', 'config', { speed: { answerDelayMs: LATENCY_MS } });
		const scriptSns = ((await sandbox.control('GET', 'state')) as { scripts: Array<{ sn: string }> }).scripts.map((script) => script.sn);
		const login = { baseUrl: sandbox.url, authentication: 'password', username: DEMO_LOGIN.username, password: DEMO_LOGIN.password };
		const httpRequest = loadHttpRequestNode();
		const nodeTypes: Record<string, INodeType | IVersionedNodeType> = { 'n8n-nodes-yunke.yunke': new Yunke() };
		if (httpRequest.node) nodeTypes['n8n-nodes-base.httpRequest'] = httpRequest.node;
		const engine = new TestEngine({ nodeTypes, credentialTypes: { yunkeApi: new YunkeApi() }, credentials: [{ ...CREDENTIAL, type: 'yunkeApi', data: login }] });
		console.log(`sandbox ${sandbox.url} (child process), ${LATENCY_MS} ms added to every answer; ${ITEMS} items; ${httpRequest.note}`);
		const ways = { engine, sandbox, httpRequestVersion: httpRequest.version };
		await runOurs(ways, OPERATIONS[0], scriptSns.slice(0, 1), {}); // the login, outside every figure
		for (const operation of OPERATIONS) await benchOperation(ways, operation, scriptSns);
	} finally {
		sandbox.stop();
	}
}

interface Ways {
	engine: TestEngine;
	sandbox: Sandbox;
	httpRequestVersion?: number;
}

interface Timing {
	seconds: number;
	/** this process's CPU time per 1,000 items */
	cpuMs: number;
}

async function benchOperation(ways: Ways, operation: Operation, scriptSns: string[]): Promise<void> {
	const times: Record<'ours' | 'raw' | 'http', Timing[]> = { ours: [], raw: [], http: [] };
	for (let round = 0; round < ROUNDS; round++) {
		times.ours.push(await timed(ways.sandbox, `${operation.name} ours`, () => runOurs(ways, operation, operation.values('ours', round, scriptSns), {})));
		times.raw.push(await timed(ways.sandbox, `${operation.name} raw`, () => runRaw(ways, operation, operation.values('raw', round, scriptSns))));
		if (ways.httpRequestVersion !== undefined) {
			times.http.push(await timed(ways.sandbox, `${operation.name} http_request`, () => runHttpRequest(ways, operation, operation.values('http', round, scriptSns))));
		}
	}
	const sequential = await timed(ways.sandbox, `${operation.name} sequential`, () =>
		runOurs(ways, operation, operation.values('sequential', 0, scriptSns), { requestsInParallel: 1 }),
	);
	const ours = median(times.ours.map((time) => time.seconds));
	const raw = median(times.raw.map((time) => time.seconds));
	const http = times.http.length ? median(times.http.map((time) => time.seconds)).toFixed(3) : 'n/a';
	const oursCpu = median(times.ours.map((time) => time.cpuMs));
	const rawCpu = median(times.raw.map((time) => time.cpuMs));
	const httpCpu = times.http.length ? median(times.http.map((time) => time.cpuMs)).toFixed(0) : 'n/a';
	console.log(
		`items op=${operation.name} n=${ITEMS} latency_ms=${LATENCY_MS} parallel=${DEFAULT_REQUESTS_IN_PARALLEL} ours_s=${ours.toFixed(3)} raw_s=${raw.toFixed(3)} ` +
			`http_request_s=${http} sequential_s=${sequential.seconds.toFixed(3)} ratio=${(ours / raw).toFixed(3)} ` +
			`ours_cpu_ms=${oursCpu.toFixed(0)} raw_cpu_ms=${rawCpu.toFixed(0)} http_request_cpu_ms=${httpCpu} cpu_ratio=${(oursCpu / rawCpu).toFixed(3)}`,
	);
}

/** Wall time and this process's CPU time of one run, printed with the most requests the sandbox served at once. */
async function timed(sandbox: Sandbox, label: string, run: () => Promise<void>): Promise<Timing> {
	await sandbox.control('DELETE', 'log');
	const started = performance.now();
	const cpu = process.cpuUsage();
	await run();
	const seconds = (performance.now() - started) / 1000;
	const { user, system } = process.cpuUsage(cpu);
	const cpuMs = ((user + system) / 1000) * (1000 / ITEMS);
	const log = ((await sandbox.control('GET', 'log')) as { requests: LoggedRequest[] }).requests;
	console.log(`${label}: ${seconds.toFixed(3)} s wall, ${cpuMs.toFixed(0)} ms client CPU per 1,000 items, ${log.length} requests, at most ${mostAtOnce(log)} at once`);
	return { seconds, cpuMs };
}

async function runOurs(ways: Ways, operation: Operation, values: string[], batching: INodeParameters): Promise<void> {
	const result = await ways.engine.runNode(
		{ type: 'n8n-nodes-yunke.yunke', typeVersion: 1, parameters: { ...operation.parameters, batching }, credentials: { yunkeApi: CREDENTIAL } },
		values.map((value) => ({ value })),
		{ timeoutMs: RUN_TIMEOUT_MS },
	);
	expectItems(result, values.length, 'node');
}

/** The same signed calls, DEFAULT_REQUESTS_IN_PARALLEL in flight, with the session the node stored. */
async function runRaw(ways: Ways, operation: Operation, values: string[]): Promise<void> {
	const client = new RawClient({});
	client.session = { ...ways.engine.credentialStore.get(CREDENTIAL.id)?.data };
	let next = 0;
	const lane = async () => {
		while (next < values.length) {
			const response = await client.call('POST', operation.endpoint, operation.body(values[next++]));
			if (response.data?.code !== 0) throw new Error(`raw client: ${JSON.stringify(response.data).slice(0, 200)}`);
		}
	};
	await Promise.all(Array.from({ length: DEFAULT_REQUESTS_IN_PARALLEL }, lane));
}

/** n8n's HTTP Request node with the Yunke API credential as a predefined credential type, its defaults otherwise. */
async function runHttpRequest(ways: Ways, operation: Operation, values: string[]): Promise<void> {
	const baseUrl = String(ways.engine.credentialStore.get(CREDENTIAL.id)?.data.baseUrl);
	const fields = Object.entries(operation.body('{{ $json.value }}')).map(([name, value]) => ({ name, value: `=${String(value)}` }));
	const result = await ways.engine.runNode(
		{
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: ways.httpRequestVersion ?? 4,
			parameters: {
				method: 'POST',
				url: `${baseUrl}${operation.endpoint}`,
				authentication: 'predefinedCredentialType',
				nodeCredentialType: 'yunkeApi',
				sendBody: true,
				contentType: 'json',
				specifyBody: 'keypair',
				bodyParameters: { parameters: fields },
				options: {},
			},
			credentials: { yunkeApi: CREDENTIAL },
		},
		values.map((value) => ({ value })),
		{ timeoutMs: RUN_TIMEOUT_MS },
	);
	expectItems(result, values.length, 'HTTP Request node');
	const failed = result.outputs[0].find((item) => item.json.code !== 0);
	if (failed) throw new Error(`HTTP Request node: ${JSON.stringify(failed.json).slice(0, 200)}`);
}

function expectItems(result: NodeRunResult, count: number, who: string): void {
	if (result.status !== 'success') throw new Error(`${who} run failed: ${result.nodeError?.message ?? result.error?.message}`);
	if (result.outputs[0].length !== count) throw new Error(`${who}: ${result.outputs[0].length} items for ${count}`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});

/**
 * `npm run bench:list`: Call Record → Get Many with Return All over 100,000 records, run by our node
 * in the real n8n engine (the harness's WorkflowExecute), against the same pages fetched by a plain
 * signed HTTP client (axios) in the same run. The sandbox runs in a child process. Last line:
 *   list records=<n> requests=<n> node_s=<x> raw_s=<y> ratio=<node/raw>
 */

import { performance } from 'node:perf_hooks';

import { YunkeApi } from '../credentials/YunkeApi.credentials';
import { ENDPOINTS, LIMITS } from '../nodes/Yunke/shared/contract';
import { Yunke } from '../nodes/Yunke/Yunke.node';
import { DEMO_LOGIN } from '../sandbox/seed';
import { TestEngine } from '../test/harness/engine';
import { RawClient } from '../test/helpers/sandbox';
import { startSandboxProcess } from './sandboxProcess';
import { median } from './median';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CREDENTIAL = { id: 'bench', name: 'Yunke sandbox' };

async function main(): Promise<void> {
	const sandbox = await startSandboxProcess();
	try {
		const generated = (await sandbox.control('POST', 'records', { count: RECORDS })) as { total: number };
		console.log(`sandbox ${sandbox.url} (child process): ${generated.total} call records`);
		const login = { baseUrl: sandbox.url, authentication: 'password', username: DEMO_LOGIN.username, password: DEMO_LOGIN.password };
		const engine = new TestEngine({
			nodeTypes: { 'n8n-nodes-yunke.yunke': new Yunke() },
			credentialTypes: { yunkeApi: new YunkeApi() },
			credentials: [{ ...CREDENTIAL, type: 'yunkeApi', data: login }],
		});
		const runNode = async () =>
			await engine.runNode(
				{ type: 'n8n-nodes-yunke.yunke', typeVersion: 1, parameters: { resource: 'callRecord', operation: 'getMany', returnAll: true }, credentials: { yunkeApi: CREDENTIAL } },
				[{}],
			);
		// one session for both clients: a second login would kill the node's key (1.2/1.3)
		const raw = new RawClient(login);

		const nodeTimes: number[] = [];
		const rawTimes: number[] = [];
		let nodeRecords = 0;
		let nodeRequests = 0;
		let rawRecords = 0;
		let rawRequests = 0;
		for (let round = 0; round <= ROUNDS; round++) {
			const label = round === 0 ? 'warm-up' : `round ${round}`;
			global.gc?.();
			await sandbox.control('DELETE', 'log');
			let started = performance.now();
			let cpu = process.cpuUsage();
			const result = await runNode();
			const nodeTime = (performance.now() - started) / 1000;
			const nodeCpu = cpuSeconds(process.cpuUsage(cpu));
			if (result.status !== 'success') throw new Error(`node run failed: ${result.nodeError?.message}`);
			nodeRecords = result.outputs[0].length;
			nodeRequests = await countListRequests(sandbox.control);

			raw.session = { ...login, ...engine.credentialStore.get(CREDENTIAL.id)?.data };
			global.gc?.();
			await sandbox.control('DELETE', 'log');
			started = performance.now();
			cpu = process.cpuUsage();
			rawRecords = await fetchAllRaw(raw);
			const rawTime = (performance.now() - started) / 1000;
			const rawCpu = cpuSeconds(process.cpuUsage(cpu));
			rawRequests = await countListRequests(sandbox.control);
			console.log(
				`${label}: node ${nodeTime.toFixed(3)} s wall, ${nodeCpu.toFixed(3)} s client CPU (${nodeRecords} items, ${nodeRequests} requests); ` +
					`raw ${rawTime.toFixed(3)} s wall, ${rawCpu.toFixed(3)} s client CPU (${rawRecords} rows, ${rawRequests} requests)`,
			);
			if (round === 0) continue;
			nodeTimes.push(nodeTime);
			rawTimes.push(rawTime);
		}
		if (nodeRecords !== RECORDS || rawRecords !== RECORDS || nodeRequests !== rawRequests) {
			throw new Error(`mismatch: node ${nodeRecords} items / ${nodeRequests} requests, raw ${rawRecords} rows / ${rawRequests} requests`);
		}
		const nodeS = median(nodeTimes);
		const rawS = median(rawTimes);
		console.log(`median of ${ROUNDS} rounds after a warm-up; page size ${LIMITS.maxPageSize}; node = n8n WorkflowExecute + Yunke node (Simplify on, default)`);
		console.log(`list records=${nodeRecords} requests=${nodeRequests} node_s=${nodeS.toFixed(3)} raw_s=${rawS.toFixed(3)} ratio=${(nodeS / rawS).toFixed(3)}`);
	} finally {
		sandbox.stop();
	}
}

async function countListRequests(control: (method: string, action: string) => Promise<any>): Promise<number> {
	const stats = (await control('GET', 'stats')) as { requests: number; listRequests?: number };
	return stats.requests;
}

/**
 * The same pages as the node walks (pageIndex 0, 1, … at the largest page size, until the total),
 * keeping every row as the node does: a client that wants "all records" holds them all.
 */
async function fetchAllRaw(client: RawClient): Promise<number> {
	const rows: unknown[] = [];
	for (let pageIndex = 0; ; pageIndex++) {
		const response = await client.call('POST', ENDPOINTS.callRecordList, { pageIndex, pageSize: LIMITS.maxPageSize });
		if (response.data?.code !== 0) throw new Error(`raw client: ${JSON.stringify(response.data).slice(0, 200)}`);
		const { list, total } = response.data.data as { list: unknown[]; total: number };
		for (const row of list) rows.push(row);
		if (list.length < LIMITS.maxPageSize || (pageIndex + 1) * LIMITS.maxPageSize >= total) return rows.length;
	}
}

function cpuSeconds(usage: NodeJS.CpuUsage): number {
	return (usage.user + usage.system) / 1e6;
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});

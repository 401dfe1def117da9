/**
 * `npm run bench:import`: Task → Create with 30,000 and 300,000 rows through our node in the real n8n
 * engine, against the same requests sent by a plain signed HTTP client in the same run. The sandbox
 * runs in a child process so that the memory figure is the n8n side only. Times are the median of
 * BENCH_ROUNDS rounds (node then raw, fresh tenant each), RSS the largest peak growth. The last line is
 * machine-readable (for the 300,000-row run):
 *   import rows=<n> requests=<n> logins=<n> node_s=<x> raw_s=<y> ratio=<node/raw> rss_mb=<peak growth>
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { YunkeApi } from '../credentials/YunkeApi.credentials';
import { ENDPOINTS, LIMITS, importRowKey } from '../nodes/Yunke/shared/contract';
import { Yunke } from '../nodes/Yunke/Yunke.node';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { TestEngine, inputNode, type HarnessCredential } from '../test/harness/engine';
import { RawClient, passwordCredential } from '../test/helpers/sandbox';
import { CREDENTIAL_REF } from '../test/helpers/yunke';
import { median } from './median';

const SIZES = (process.env.BENCH_IMPORT_ROWS ?? '30000,300000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

// a full collection before each measurement, so that every round starts from the same baseline
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const TASK_NAME = '压测导入';

interface SandboxProcess {
	url: string;
	child: ChildProcess;
}

async function startSandboxProcess(): Promise<SandboxProcess> {
	const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'sandbox/cli.ts'], {
		env: { ...process.env, YUNKE_SANDBOX_PORT: '0' },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const url = await new Promise<string>((resolve, reject) => {
		let text = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			text += chunk.toString();
			const match = /listening on (http:\/\/\S+)/.exec(text);
			if (match) resolve(match[1]);
		});
		child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
	});
	return { url, child };
}

async function control(url: string, method: string, action: string): Promise<any> {
	const response = await fetch(`${url}/__control/${action}`, { method });
	return await response.json();
}

function people(n: number): Array<Record<string, string>> {
	const items = new Array(n);
	for (let index = 0; index < n; index++) items[index] = { 姓名: `客户${index}`, phone: String(13000000000 + index) };
	return items;
}

/** What a hand-written integration does: template, task list, then the chunks (create, then append). */
async function rawImport(client: RawClient, rows: Array<Record<string, string>>, scriptSn: string, subAccountSn: string): Promise<void> {
	await client.login();
	const template = await client.call('GET', ENDPOINTS.scriptTemplate, { project_sn: scriptSn, type: 'json' });
	const columns = (JSON.parse(Buffer.from(template.data).toString('utf8')).data[0] as string[]).map(importRowKey);
	await client.call('POST', ENDPOINTS.taskList, { start_create_at: '2000-01-01 00:00:00', end_create_at: '2099-12-31 23:59:59', pageIndex: 0, pageSize: LIMITS.maxPageSize });
	let taskSn = '';
	for (let start = 0; start < rows.length; start += LIMITS.rowsPerImport) {
		const chunk = rows.slice(start, start + LIMITS.rowsPerImport).map((person) => {
			const row: Record<string, string> = {};
			for (const column of columns) row[column] = column === '电话' ? person.phone : column === '姓名' ? person['姓名'] : '';
			return row;
		});
		const body: IDataObject = { project_sn: scriptSn, source: TASK_NAME, ai_user_sn: subAccountSn };
		if (taskSn) body.dial_task_main_sn = taskSn;
		body.client_info_json = { data: chunk }; // nested, as public client code sends it
		const response = await client.call('POST', ENDPOINTS.taskCreateJson, body);
		if (response.data?.code !== 0) throw new Error(`raw import failed: ${JSON.stringify(response.data).slice(0, 200)}`);
		taskSn = response.data.data.dial_task_main_sn;
	}
}

async function main(): Promise<void> {
	const sandbox = await startSandboxProcess();
	const credentialData = passwordCredential({ url: sandbox.url } as never);
	const credential = () => ({ ...CREDENTIAL_REF.yunkeApi, type: 'yunkeApi', data: { ...credentialData } });
	const engine = new TestEngine({
		nodeTypes: { 'n8n-nodes-yunke.yunke': new Yunke() },
		credentialTypes: { yunkeApi: new YunkeApi() },
		credentials: [credential()],
	});
	let lastLine = '';
	try {
		for (const size of SIZES) {
			const state = await control(sandbox.url, 'GET', 'state');
			const scriptSn = state.scripts.find((script: { project_name: string }) => script.project_name === '房产回访').sn;
			const subAccountSn = state.subAccounts[0].user_sn;

			const nodeTimes: number[] = [];
			const rawTimes: number[] = [];
			let rssMb = 0;
			let requests = 0;
			let logins = 0;
			for (let round = 1; round <= ROUNDS; round++) {
				const measured = await oneRound(engine, credential, credentialData, sandbox.url, size, scriptSn, subAccountSn);
				nodeTimes.push(measured.nodeS);
				rawTimes.push(measured.rawS);
				rssMb = Math.max(rssMb, measured.rssMb);
				requests = measured.requests;
				logins = Math.max(logins, measured.logins);
				console.log(
					`${size} rows, round ${round}: node ${measured.nodeS.toFixed(3)} s, raw ${measured.rawS.toFixed(3)} s, ${measured.requests} import requests, ${measured.allRequests} requests in all, ${measured.logins} login(s), peak RSS growth ${measured.rssMb.toFixed(0)} MB`,
				);
			}
			const nodeS = median(nodeTimes);
			const rawS = median(rawTimes);
			lastLine = `import rows=${size} requests=${requests} logins=${logins} node_s=${nodeS.toFixed(3)} raw_s=${rawS.toFixed(3)} ratio=${(nodeS / rawS).toFixed(3)} rss_mb=${rssMb.toFixed(0)}`;
		}
		console.log('node = n8n WorkflowExecute: pinned input items → Yunke Task → Create (sync, 30,000-row chunks, pending check on); raw = axios + the same signing');
		console.log(lastLine);
	} finally {
		sandbox.child.kill();
	}
}

interface RoundResult {
	nodeS: number;
	rawS: number;
	rssMb: number;
	requests: number;
	allRequests: number;
	logins: number;
}

async function oneRound(
	engine: TestEngine,
	credential: () => HarnessCredential,
	credentialData: ICredentialDataDecryptedObject,
	url: string,
	size: number,
	scriptSn: string,
	subAccountSn: string,
): Promise<RoundResult> {
	await control(url, 'POST', 'reset');
	engine.setCredential(credential());
	// the items the previous node already produced: pinned, so they exist before the measurement starts;
	// the node runs before the raw client so that the raw client's garbage cannot hide the node's growth
	const items = people(size).map((json) => ({ json }));
	collectGarbage();
	const baseline = process.memoryUsage().rss;
	let peak = baseline;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
	let started = performance.now();
	const run = await engine.run(
		{
			nodes: [
				inputNode([]),
				{
					id: 'yunke-import',
					name: 'Yunke',
					type: 'n8n-nodes-yunke.yunke',
					typeVersion: 1,
					position: [200, 0],
					credentials: CREDENTIAL_REF,
					parameters: {
						resource: 'task',
						operation: 'create',
						script: { __rl: true, mode: 'id', value: scriptSn },
						subAccount: { __rl: true, mode: 'id', value: subAccountSn },
						taskName: TASK_NAME,
					},
				},
			],
			connections: { Input: { main: [[{ node: 'Yunke', type: 'main', index: 0 }]] } },
			pinData: { Input: items },
		},
		{ startNode: 'Input' },
	);
	const nodeS = (performance.now() - started) / 1000;
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().rss);
	if (run.status !== 'success') throw new Error(`node run failed: ${JSON.stringify(run.runData.Yunke?.[0]?.error?.message)}`);
	const summary = run.output('Yunke')[0].json as { counts?: { imported?: number }; requests?: number };
	const log = (await control(url, 'GET', 'log')).requests as Array<{ path: string }>;
	const requests = log.filter((entry) => entry.path === ENDPOINTS.taskCreateJson).length;
	const stats = await control(url, 'GET', 'stats');
	const nodeTask = (await control(url, 'GET', 'state')).tasks[0];
	if (nodeTask?.rowCount !== size || summary.counts?.imported !== size) {
		throw new Error(`node imported ${nodeTask?.rowCount} rows (summary ${summary.counts?.imported}), expected ${size}`);
	}
	const rssMb = (peak - baseline) / 1024 / 1024;

	await control(url, 'POST', 'reset');
	const rows = people(size);
	collectGarbage();
	started = performance.now();
	await rawImport(new RawClient(credentialData), rows, scriptSn, subAccountSn);
	const rawS = (performance.now() - started) / 1000;
	const rawTask = (await control(url, 'GET', 'state')).tasks[0];
	if (rawTask?.rowCount !== size) throw new Error(`raw client imported ${rawTask?.rowCount} rows, expected ${size}`);
	return { nodeS, rawS, rssMb, requests, allRequests: log.length, logins: stats.logins };
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});

/**
 * `npm run bench:leads`: N (BENCH_LEADS, default 50) per-lead webhook calls fired together at example 4
 * (`examples/04-lead-webhook-to-todays-task.json`: the day's task found or created, then dialling) in a
 * real n8n against the sandbox: a single n8n process, then queue mode (main, 2 webhook processors, 2
 * workers over Redis and Postgres) when those servers are available (as `npm run test:queue` finds them;
 * BENCH_LEADS_QUEUE=0 skips it). Needs `npm run build` first (the package is packed from dist/). One line
 * per mode:
 *   leads mode=<single|queue> n=<n> tasks_created=<n> rows_in_task=<n> duplicates=<n> p50_ms=<x> p95_ms=<y> requests_per_lead=<z>
 * (`requests_per_lead`: the requests the sandbox answered during the burst, over n.)
 * Target: tasks_created=1 rows_in_task=n duplicates=0.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

import { bindToSandbox, readExample, sandboxCredential } from '../scripts/examples';
import { N8nInstance } from '../scripts/n8n/instance';
import { packPackage } from '../scripts/n8n/package';
import { ensureTools } from '../scripts/n8n/tools';
import { QueueCluster } from '../scripts/queue/cluster';
import { hasCommand } from '../scripts/queue/debian';
import { startPostgres, stopPostgres, type PostgresEndpoint } from '../scripts/queue/postgres';
import { redisEnv, startRedis, type RedisEndpoint } from '../scripts/queue/redis';
import { Sandbox } from '../sandbox/server';

const LEADS = Number(process.env.BENCH_LEADS ?? 50);
const EXAMPLE = '04-lead-webhook-to-todays-task.json';
const WEBHOOK_PATH = 'yunke-lead';
const quiet = () => undefined;
const log = (line: string) => process.stderr.write(`[bench:leads] ${line}\n`);

interface Fired {
	latenciesMs: number[];
	failures: string[];
}

/** Every lead at once, call i to webhook base i mod n. */
async function fire(bases: string[]): Promise<Fired> {
	const failures: string[] = [];
	const latenciesMs = await Promise.all(
		Array.from({ length: LEADS }, async (_unused, n) => {
			const lead = { id: `BENCH-${n}`, name: `客户${n}`, phone: String(13600000000 + n) };
			const started = performance.now();
			const response = await fetch(`${bases[n % bases.length]}/webhook/${WEBHOOK_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(lead) });
			const text = await response.text();
			if (response.status !== 200) failures.push(`lead ${n}: HTTP ${response.status} ${text.slice(0, 200)}`);
			return performance.now() - started;
		}),
	);
	return { latenciesMs, failures };
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function report(mode: string, sandbox: Sandbox, fired: Fired, requests: number): string {
	const taskName = sandbox.data.tasks.find((task) => task.rows.some((row) => row.phone === '13600000000'))?.source;
	const tasks = sandbox.data.tasks.filter((task) => task.source === taskName);
	const phones = tasks.flatMap((task) => task.rows.map((row) => row.phone));
	for (const failure of fired.failures.slice(0, 5)) log(`${mode}: ${failure}`);
	return `leads mode=${mode} n=${LEADS} tasks_created=${tasks.length} rows_in_task=${tasks[0]?.rows.length ?? 0} duplicates=${phones.length - new Set(phones).size} p50_ms=${percentile(fired.latenciesMs, 50).toFixed(0)} p95_ms=${percentile(fired.latenciesMs, 95).toFixed(0)} requests_per_lead=${(requests / LEADS).toFixed(1)}`;
}

async function single(): Promise<string> {
	const sandbox = new Sandbox({ quiet: true });
	await sandbox.start();
	const n8n = await N8nInstance.create({ log: quiet });
	try {
		n8n.installPackage({ build: false, log: quiet });
		await n8n.importCredentials([sandboxCredential(sandbox.url)]);
		const workflow = bindToSandbox(readExample(EXAMPLE), sandbox.data);
		await n8n.importWorkflow(workflow);
		await n8n.activate(workflow.id);
		await n8n.start();
		const before = sandbox.log.length;
		const fired = await fire([n8n.baseUrl]);
		return report('single', sandbox, fired, sandbox.log.length - before);
	} finally {
		await n8n.dispose();
		await sandbox.stop();
	}
}

/** Why queue mode cannot run here, or undefined when Redis and Postgres can be started (or are given). */
function queueUnavailable(): string | undefined {
	if (process.env.BENCH_LEADS_QUEUE === '0') return 'BENCH_LEADS_QUEUE=0';
	if (!process.env.REDIS_URL && !hasCommand('redis-server')) return 'no redis-server (or REDIS_URL)';
	const pgBin = process.env.QUEUE_PG_BIN ?? '/usr/lib/postgresql/15/bin';
	if (!process.env.DB_POSTGRESDB_HOST && !fs.existsSync(path.join(pgBin, 'initdb'))) return 'no PostgreSQL 15 (or DB_POSTGRESDB_HOST)';
	return undefined;
}

async function queue(): Promise<string> {
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yunke-bench-leads-'));
	const sandbox = new Sandbox({ quiet: true });
	let redis: RedisEndpoint | undefined;
	let postgres: PostgresEndpoint | undefined;
	let cluster: QueueCluster | undefined;
	try {
		const tools = await ensureTools({ log: quiet });
		const tarball = packPackage({ log: quiet });
		redis = await startRedis({ dir: scratch, log, onLine: quiet });
		postgres = await startPostgres({ log, onLine: quiet });
		await sandbox.start();
		cluster = await QueueCluster.prepare({
			tools,
			tarball,
			resultsDir: path.join(scratch, 'logs'),
			foldersDir: path.join(scratch, 'n8n'),
			backendEnv: { ...postgres.env, ...redisEnv(redis) },
			webhooks: 2,
			workers: 2,
			log,
		});
		await cluster.cli.importCredentials([sandboxCredential(sandbox.url)]);
		const workflow = bindToSandbox(readExample(EXAMPLE), sandbox.data);
		await cluster.cli.importWorkflow(workflow);
		await cluster.start();
		await cluster.rest.activate(workflow.id, 60_000);
		const before = sandbox.log.length;
		const fired = await fire(cluster.webhookUrls);
		return report('queue', sandbox, fired, sandbox.log.length - before);
	} finally {
		await cluster?.stop().catch((error: Error) => log(`cluster stop: ${error.message}`));
		await redis?.daemon?.stop();
		if (postgres) await stopPostgres(postgres);
		await sandbox.stop();
		fs.rmSync(scratch, { recursive: true, force: true });
	}
}

async function main(): Promise<void> {
	console.log(await single());
	const unavailable = queueUnavailable();
	if (unavailable) console.log(`leads mode=queue skipped (${unavailable})`);
	else console.log(await queue());
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});

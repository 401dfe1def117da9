/**
 * `npm run test:queue`: brings up n8n in queue mode on loopback (Redis, Postgres, the sandbox, one main,
 * webhook processors, two workers with the packed package), runs the scenarios of test/queue with their
 * own Jest config against it, tears everything down on success, failure or Ctrl+C, and prints the tally
 * the tests wrote as its last line:
 *   queue workers=2 executions=<n> failed=<n> logins=<n> pushes=<n> emitted=<n> duplicates_emitted=<n> lost=<n> lease_kills=<n> crashed=<n> redis_outages=<n> answered_then_lost=<n> lead_tasks_created=<n> lead_rows=<n> lead_duplicates=<n> ours_s=<x> webhook_s=<y> ratio=<ours/webhook>
 * Logs (one file per process, and cluster.log with every line prefixed by its process) stay in
 * QUEUE_RESULTS_DIR (default .queue-results/). REDIS_URL / DB_POSTGRESDB_* use your servers instead.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { packPackage } from '../../scripts/n8n/package';
import { ensureTools, REPO_ROOT } from '../../scripts/n8n/tools';
import { QueueCluster } from '../../scripts/queue/cluster';
import { startPostgres, stopPostgres, type PostgresEndpoint } from '../../scripts/queue/postgres';
import { redisEnv, startRedis, superviseRedis, type RedisEndpoint } from '../../scripts/queue/redis';
import { Sandbox } from '../../sandbox/server';
import { tallyLine, type Tally } from './support/queueTally';
import { ACTIVE_WORKFLOW_IDS, clusterWorkflows, credentialsFor, WORKFLOWS } from './support/queueWorkflows';

const RESULTS = path.resolve(process.env.QUEUE_RESULTS_DIR ?? path.join(REPO_ROOT, '.queue-results'));
const WEBHOOKS = Number(process.env.QUEUE_WEBHOOK_PROCESSORS ?? 2);
const WORKERS = 2;
/** How long Redis stays down when the Redis-outage scenario kills it. */
const REDIS_DOWN_MS = 8000;
/** The lease-kill scenario's trigger holds its lease this long, so that a worker can be killed holding it. */
const LEASE_HOLD_MS = 4000;

const log = (line: string) => process.stderr.write(`[queue] ${line}\n`);

async function main(): Promise<number> {
	fs.rmSync(RESULTS, { recursive: true, force: true });
	fs.mkdirSync(RESULTS, { recursive: true });
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yunke-queue-'));
	const serverLog = (name: string) => {
		const file = fs.createWriteStream(path.join(RESULTS, `${name}.log`), { flags: 'a' });
		return (line: string) => file.write(`${line}\n`);
	};
	let redis: RedisEndpoint | undefined;
	let stopRedis: (() => Promise<void>) | undefined;
	let postgres: PostgresEndpoint | undefined;
	let sandbox: Sandbox | undefined;
	let cluster: QueueCluster | undefined;
	let tornDown: Promise<void> | undefined;
	const teardown = () =>
		(tornDown ??= (async () => {
			await cluster?.stop().catch((e) => log(`cluster stop: ${(e as Error).message}`));
			await sandbox?.stop().catch(() => undefined);
			await (stopRedis ?? (async () => await redis?.daemon?.stop()))();
			if (postgres) await stopPostgres(postgres);
			fs.rmSync(scratch, { recursive: true, force: true });
			log(`stopped everything; logs in ${path.relative(process.cwd(), RESULTS) || RESULTS}/`);
		})());
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			log(`${signal}: tearing down`);
			void teardown().finally(() => process.exit(130));
		});
	}

	try {
		const tools = await ensureTools({ log });
		const tarball = packPackage({ log });
		redis = await startRedis({ dir: scratch, log, onLine: serverLog('redis') });
		let writeState = () => undefined as void;
		if (redis.daemon) stopRedis = superviseRedis(redis, { dir: scratch, downMs: REDIS_DOWN_MS, log, onLine: serverLog('redis'), onRestart: () => writeState() });
		postgres = await startPostgres({ log, onLine: serverLog('postgres') });
		sandbox = new Sandbox({ port: 0, quiet: true });
		const sandboxUrl = await sandbox.start();
		log(`sandbox on ${sandboxUrl}`);
		cluster = await QueueCluster.prepare({
			tools,
			tarball,
			resultsDir: RESULTS,
			foldersDir: path.join(scratch, 'n8n'),
			backendEnv: { ...postgres.env, ...redisEnv(redis), N8N_PAYLOAD_SIZE_MAX: '64', N8N_YUNKE_TEST_LEASE_HOLD: `${WORKFLOWS.lease.id}=${LEASE_HOLD_MS}` },
			webhooks: WEBHOOKS,
			workers: WORKERS,
			log,
		});
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
		await cluster.cli.importCredentials(credentialsFor(sandboxUrl));
		await cluster.cli.importWorkflow(clusterWorkflows());
		const stateFile = path.join(RESULTS, 'cluster.json');
		writeState = () => fs.writeFileSync(stateFile, JSON.stringify({ ...cluster!.state(), sandboxUrl, postgres: postgres!.env, workers: WORKERS, redisPid: redis?.daemon?.pid, redisDownMs: REDIS_DOWN_MS }, null, 2));
		cluster.onChange = writeState;
		await cluster.start();
		// published through main (a second each), not `publish:workflow` (a CLI process of ~20 s each)
		for (const id of ACTIVE_WORKFLOW_IDS) await cluster.rest.activate(id, 60_000);

		const tallyFile = path.join(RESULTS, 'tally.jsonl');
		const jestCode = await new Promise<number>((resolve) => {
			const jest = spawn(process.execPath, [require.resolve('jest/bin/jest', { paths: [REPO_ROOT] }), '-c', 'test/queue/jest.config.js', '--runInBand', ...process.argv.slice(2)], {
				cwd: REPO_ROOT,
				stdio: 'inherit',
				env: { ...process.env, QUEUE_CLUSTER_FILE: stateFile, QUEUE_TALLY_FILE: tallyFile },
			});
			jest.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
		});
		if (jestCode !== 0) process.stderr.write(`\n[queue] a scenario failed; the last lines of every process:\n${cluster.tails()}\n`);
		const tally: Tally[] = fs.existsSync(tallyFile) ? fs.readFileSync(tallyFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Tally) : [];
		await teardown();
		const { line, healthy } = tallyLine(tally, WORKERS);
		console.log(line);
		return jestCode === 0 && healthy ? 0 : 1;
	} catch (error) {
		log(`could not run: ${(error as Error).message}`);
		if (cluster) process.stderr.write(`${cluster.tails()}\n`);
		await teardown();
		return 1;
	}
}

main().then((code) => process.exit(code));

/**
 * n8n in queue mode on loopback: one main (`n8n start`), webhook processors (`n8n webhook`) and workers
 * (`n8n worker --concurrency=5`) sharing Redis and Postgres. Every process has its own user folder with
 * the packed package installed (as separate containers would), the same encryption key and unique
 * ports. Each output line is prefixed with the process name and kept in `<resultsDir>/<name>.log` and
 * `cluster.log`. A worker or webhook processor that dies is restarted, as an orchestrator would.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { N8nCli } from '../n8n/cli';
import { DEFAULT_ENCRYPTION_KEY, freePort, n8nEnv, tail } from '../n8n/env';
import { mainReady } from '../n8n/instance';
import { installTarball } from '../n8n/package';
import { N8nProcess } from '../n8n/process';
import { N8nRest } from '../n8n/rest';
import type { Tools } from '../n8n/tools';

export const WORKER_CONCURRENCY = 5;

export interface ClusterOptions {
	tools: Tools;
	/** The packed package, installed into every process's user folder. */
	tarball: string;
	resultsDir: string;
	/** Where the user folders go (deleted by `stop()`). */
	foldersDir: string;
	/** `DB_*` and `QUEUE_BULL_REDIS_*` for every process. */
	backendEnv: NodeJS.ProcessEnv;
	webhooks?: number;
	workers?: number;
	log: (line: string) => void;
}

type Role = 'main' | 'webhook' | 'worker';

interface Member {
	name: string;
	role: Role;
	userFolder: string;
	port: number;
	brokerPort: number;
	process?: N8nProcess;
	restarts: number;
}

/** What tests read (`cluster.json`): URLs, PIDs, log files and the CLI's environment. */
export interface ClusterState {
	mainUrl: string;
	webhookUrls: string[];
	processes: Record<string, { role: Role; pid?: number; port: number; log: string; restarts: number }>;
	cli: { userFolder: string; env: NodeJS.ProcessEnv };
	n8nDir: string;
}

export class QueueCluster {
	private readonly combinedLog: fs.WriteStream;
	private readonly logs = new Map<string, fs.WriteStream>();
	private stopping = false;
	readonly cli: N8nCli;
	rest!: N8nRest;
	/** Called after a process (re)starts, e.g. to rewrite `cluster.json`. */
	onChange?: () => void;

	private constructor(
		private readonly opts: ClusterOptions,
		private readonly members: Member[],
	) {
		fs.mkdirSync(opts.resultsDir, { recursive: true });
		this.combinedLog = fs.createWriteStream(path.join(opts.resultsDir, 'cluster.log'));
		const main = this.members[0];
		this.cli = new N8nCli(opts.tools, main.userFolder, (extra) => this.env(main, extra));
	}

	/** Makes the user folders and ports; nothing runs yet (import with `cli`, then `start()`). */
	static async prepare(opts: ClusterOptions): Promise<QueueCluster> {
		const plan: Array<[string, Role]> = [['main', 'main']];
		for (let n = 1; n <= (opts.webhooks ?? 1); n++) plan.push([`webhook${n}`, 'webhook']);
		for (let n = 1; n <= (opts.workers ?? 2); n++) plan.push([`worker${n}`, 'worker']);
		const members: Member[] = [];
		for (const [name, role] of plan) {
			const userFolder = path.join(opts.foldersDir, name);
			fs.mkdirSync(path.join(userFolder, '.n8n'), { recursive: true });
			installTarball(userFolder, opts.tarball);
			members.push({ name, role, userFolder, port: await freePort(), brokerPort: await freePort(), restarts: 0 });
		}
		return new QueueCluster(opts, members);
	}

	get mainUrl(): string {
		return `http://127.0.0.1:${this.members[0].port}`;
	}

	get webhookUrls(): string[] {
		return this.members.filter((m) => m.role === 'webhook').map((m) => `http://127.0.0.1:${m.port}`);
	}

	/** Environment of a member (or of the CLI, which uses main's folder). */
	private env(member: Member, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
		const firstWebhook = this.members.find((m) => m.role === 'webhook') ?? this.members[0];
		return n8nEnv(
			this.opts.tools,
			{ userFolder: member.userFolder, encryptionKey: DEFAULT_ENCRYPTION_KEY, brokerPort: member.brokerPort },
			this.opts.backendEnv,
			{
				EXECUTIONS_MODE: 'queue',
				WEBHOOK_URL: `http://127.0.0.1:${firstWebhook.port}/`,
				N8N_EDITOR_BASE_URL: `${this.mainUrl}/`,
				N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
				EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
				// a killed worker's job is given up about a minute later (n8n never runs a stalled job again);
				// the lock stays long enough for a 300,000-row execution that keeps a loaded worker busy.
				// n8n's queue recovery (which marks such executions crashed) keeps its 3 h: run more often, it
				// also marks executions crashed that a webhook processor saved but has not queued yet.
				QUEUE_WORKER_LOCK_DURATION: '60000',
				QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
				QUEUE_WORKER_STALLED_INTERVAL: '5000',
				// n8n builds an expression isolate for every webhook call to a trigger other than its own
				// Webhook node, whether or not an expression is evaluated; lazily, only when one is. docs/queue-mode.md
				// recommends it; set N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=false to measure n8n's default.
				N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: process.env.N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE ?? 'true',
				// `/metrics` of every webhook processor: scenario 3 counts the isolates they built
				N8N_METRICS: 'true',
			},
			extra,
		);
	}

	private write(name: string, line: string): void {
		let file = this.logs.get(name);
		if (!file) {
			file = fs.createWriteStream(path.join(this.opts.resultsDir, `${name}.log`), { flags: 'a' });
			this.logs.set(name, file);
		}
		file.write(`${line}\n`);
		this.combinedLog.write(`${new Date().toISOString()} [${name}] ${line}\n`);
	}

	private spawn(member: Member): N8nProcess {
		const args = member.role === 'main' ? ['start'] : member.role === 'webhook' ? ['webhook'] : ['worker', `--concurrency=${WORKER_CONCURRENCY}`];
		const extra: NodeJS.ProcessEnv = member.role === 'worker' ? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(member.port) } : { N8N_PORT: String(member.port) };
		// n8n exits when Redis stays unreachable this long: a webhook processor soon (the Redis-outage
		// scenario needs one to die while its pushes wait for the queue), main and workers ride it out
		extra.QUEUE_BULL_REDIS_TIMEOUT_THRESHOLD = member.role === 'webhook' ? '3000' : '600000';
		this.write(member.name, `--- n8n ${args.join(' ')} (port ${member.port})`);
		const child = N8nProcess.spawn({ tools: this.opts.tools, cwd: member.userFolder, env: this.env(member, extra), args, name: member.name, onLine: (line) => this.write(member.name, line) });
		member.process = child;
		void this.superviseWorker(member, child);
		return child;
	}

	/** A worker or webhook processor that dies while the cluster runs is restarted after a second. */
	private async superviseWorker(member: Member, child: N8nProcess): Promise<void> {
		if (member.role === 'main') return;
		while (child.running) await new Promise((r) => setTimeout(r, 200));
		if (this.stopping || member.process !== child) return;
		member.restarts += 1;
		this.write('cluster', `${member.name} (pid ${child.pid}) ended (${child.exitedWith}): restarting`);
		this.opts.log(`${member.name} ended (${child.exitedWith}): restarting`);
		await new Promise((r) => setTimeout(r, 1000));
		if (this.stopping) return;
		try {
			await this.waitReady(member, this.spawn(member));
			this.onChange?.();
		} catch (error) {
			this.write('cluster', `${member.name} restart failed: ${(error as Error).message}`);
		}
	}

	private async waitReady(member: Member, child: N8nProcess, timeoutMs = 180_000): Promise<void> {
		const url = `http://127.0.0.1:${member.port}`;
		if (member.role === 'main') return await child.waitUntil(() => mainReady(url, child), timeoutMs);
		await child.waitUntil(async () => {
			try {
				return (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) })).ok;
			} catch {
				return false;
			}
		}, timeoutMs);
	}

	/** Main first (it runs the migrations and registers the webhooks), then the others at once. */
	async start(): Promise<void> {
		const t0 = Date.now();
		const [main, ...others] = this.members;
		await this.waitReady(main, this.spawn(main));
		this.rest = new N8nRest(this.mainUrl, this.opts.tools.n8nDir);
		await this.rest.setupOwner();
		this.opts.log(`main ready on ${this.mainUrl} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
		await Promise.all(others.map(async (member) => await this.waitReady(member, this.spawn(member))));
		this.opts.log(`${others.map((m) => m.name).join(', ')} ready after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
		this.onChange?.();
	}

	state(): ClusterState {
		const processes: ClusterState['processes'] = {};
		for (const m of this.members) processes[m.name] = { role: m.role, pid: m.process?.pid, port: m.port, log: path.join(this.opts.resultsDir, `${m.name}.log`), restarts: m.restarts };
		return { mainUrl: this.mainUrl, webhookUrls: this.webhookUrls, processes, cli: { userFolder: this.members[0].userFolder, env: this.env(this.members[0]) }, n8nDir: this.opts.tools.n8nDir };
	}

	/** The last lines of every process's output, for failure reports. */
	tails(lines = 40): string {
		return this.members.map((m) => `--- ${m.name} (${m.process?.exitedWith ?? 'running'}) ---\n${tail(m.process?.output() ?? '', 20_000).split('\n').slice(-lines).join('\n')}`).join('\n');
	}

	/** Workers first (they finish or drop their jobs), then the webhook processors and main. */
	async stop(): Promise<void> {
		this.stopping = true;
		const byRole = (role: Role) => this.members.filter((m) => m.role === role);
		for (const role of ['worker', 'webhook', 'main'] as Role[]) await Promise.all(byRole(role).map(async (m) => await m.process?.stop(10_000)));
		await new Promise((r) => this.combinedLog.end(r));
		for (const file of this.logs.values()) file.end();
		fs.rmSync(this.opts.foldersDir, { recursive: true, force: true });
	}
}

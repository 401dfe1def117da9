/**
 * A real n8n 2.41.1 (Node 24) on a throw-away user folder: CLI import/execute, `n8n start` server on
 * 127.0.0.1, publishing (= activating) workflows so their production webhooks register, and reading
 * back executions over the REST API.
 *
 *   const n8n = await N8nInstance.create();             // ensureTools() + temp user folder
 *   n8n.installPackage();                                // build + pack + extract n8n-nodes-yunke
 *   await n8n.importCredentials([{ id, name, type: 'yunkeApi', data: {...} }]);
 *   await n8n.importWorkflow(wf);                        // or [wf1, wf2]
 *   const r = await n8n.execute(wf.id);                  // r.execution.status === 'success'
 *   await n8n.activate(triggerWf.id);                    // before start: `publish:workflow`
 *   await n8n.start();                                   // waits for /healthz + "Editor is now accessible"
 *   await fetch(n8n.webhookUrl('my-path'), {...});
 *   const [e] = await n8n.waitForExecutions(triggerWf.id, 1);
 *   await n8n.dispose();                                 // stop server (by PID) + delete folder
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureTools, type Tools } from './tools';
import { installPackage, installTarball, type PackOptions } from './package';

export const DEFAULT_ENCRYPTION_KEY = 'n8n-nodes-yunke-e2e-key-0123456789abcdef';
export const DEFAULT_OWNER = {
	email: 'owner@yunke.test',
	firstName: 'Yunke',
	lastName: 'Owner',
	password: 'Yunke-e2e-Passw0rd',
};

export interface N8nInstanceOptions {
	/** Default: `ensureTools()`. */
	tools?: Tools;
	/** Default: a new `mkdtemp` folder (deleted by `dispose()` unless `keepUserFolder`). */
	userFolder?: string;
	keepUserFolder?: boolean;
	encryptionKey?: string;
	/** Task-runner broker port (must differ between parallel n8n processes). Default: a free port. */
	brokerPort?: number;
	/** Extra env for every n8n process (wins over the defaults). */
	env?: NodeJS.ProcessEnv;
	log?: (line: string) => void;
}

export interface RunResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	ms: number;
}

/** Shape of `n8n execute --rawOutput` JSON (only the parts tests usually touch are typed). */
export interface ExecutionJson {
	status: string;
	finished: boolean;
	mode: string;
	startedAt?: string;
	stoppedAt?: string;
	data: {
		resultData: {
			runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown>; binary?: unknown }> | null> }; error?: unknown; executionStatus?: string }>>;
			lastNodeExecuted?: string;
			error?: { message?: string; [k: string]: unknown };
		};
		[k: string]: unknown;
	};
	[k: string]: unknown;
}

export interface ExecuteResult extends RunResult {
	ok: boolean;
	/** Parsed execution (also on exit 1 when n8n printed the failed execution); undefined if none printed. */
	execution?: ExecutionJson;
	/** Last ~4000 chars of stdout / stderr, for assertion messages. */
	stdoutTail: string;
	stderrTail: string;
}

export interface StartOptions {
	/** HTTP port on 127.0.0.1; default: a free port. */
	port?: number;
	/** Create the owner user via REST (`POST /rest/owner/setup`) and log in. Default true. */
	setupOwner?: boolean;
	timeoutMs?: number;
	/** Stream server output to this callback (default: kept in memory, see `serverOutput()`). */
	onOutput?: (chunk: string) => void;
}

/** An execution as returned by `GET /rest/executions/:id`, with `data` un-flatted. */
export interface RestExecution {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	finished: boolean;
	startedAt: string;
	stoppedAt?: string;
	data?: ExecutionJson['data'];
	[k: string]: unknown;
}

/** First output items of a node, as plain json objects (`runData[node][run].data.main[output]`). */
export function nodeOutput(data: ExecutionJson['data'] | undefined, nodeName: string, run = 0, output = 0): Array<Record<string, unknown>> {
	const r = data?.resultData?.runData?.[nodeName]?.[run];
	return (r?.data?.main?.[output] ?? []).map((i) => i.json);
}

/** Extract the pretty-printed execution JSON: a line that is exactly `{` … the first line exactly `}`. */
export function parseExecutionJson(stdout: string): ExecutionJson | undefined {
	const m = stdout.match(/^\{$[\s\S]*?^\}$/m);
	if (!m) return undefined;
	try {
		return JSON.parse(m[0]) as ExecutionJson;
	} catch {
		return undefined;
	}
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as net.AddressInfo;
			srv.close(() => resolve(port));
		});
	});
}

const tail = (s: string, n = 4000) => (s.length > n ? s.slice(-n) : s);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** All live servers, killed synchronously if the host process exits without `stop()`. */
const liveServers = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const c of liveServers) {
			try {
				if (c.pid) process.kill(-c.pid, 'SIGKILL');
			} catch {
				/* already gone */
			}
		}
	});
}

export class N8nInstance {
	readonly tools: Tools;
	readonly userFolder: string;
	readonly encryptionKey: string;
	readonly brokerPort: number;
	private readonly ownsUserFolder: boolean;
	private readonly extraEnv: NodeJS.ProcessEnv;
	private readonly log: (line: string) => void;
	private server?: ChildProcess;
	private output = '';
	private cookie?: string;
	private readonly browserId = randomUUID();
	/** Workflows published with the CLI while stopped: `start()` waits until their triggers are live. */
	private readonly publishedBeforeStart = new Set<string>();
	port?: number;
	owner?: typeof DEFAULT_OWNER;

	private constructor(tools: Tools, opts: N8nInstanceOptions, brokerPort: number) {
		this.tools = tools;
		this.ownsUserFolder = !opts.userFolder && !opts.keepUserFolder;
		this.userFolder = opts.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-yunke-'));
		fs.mkdirSync(path.join(this.userFolder, '.n8n'), { recursive: true });
		this.encryptionKey = opts.encryptionKey ?? DEFAULT_ENCRYPTION_KEY;
		this.brokerPort = brokerPort;
		this.extraEnv = opts.env ?? {};
		this.log = opts.log ?? ((l) => process.stderr.write(`[n8n] ${l}\n`));
	}

	static async create(opts: N8nInstanceOptions = {}): Promise<N8nInstance> {
		const tools = opts.tools ?? (await ensureTools({ log: opts.log }));
		return new N8nInstance(tools, opts, opts.brokerPort ?? (await freePort()));
	}

	/** Env of every n8n process (n8n-runtime.md §3). */
	env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
		return this.tools.env({
			HOME: this.userFolder,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			N8N_DIAGNOSTICS_ENABLED: 'false', // else telemetry errors land on stdout after the JSON
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort), // JS task-runner broker, unique per process
			N8N_LOG_LEVEL: 'info', // execute's JSON is written through logger.info: never lower
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_SECURE_COOKIE: 'false', // plain http on loopback (editor login for `npm run dev`)
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
			...this.extraEnv,
			...extra,
		});
	}

	/** Run an n8n CLI command (`node <n8n>/bin/n8n …args`) to completion. */
	run(args: string[], opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
		const t0 = Date.now();
		return new Promise((resolve, reject) => {
			const child = spawn(this.tools.node, [this.tools.n8nEntry, ...args], { cwd: this.userFolder, env: this.env(opts.env), stdio: ['ignore', 'pipe', 'pipe'] });
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (d) => (stdout += d));
			child.stderr.on('data', (d) => (stderr += d));
			const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 180_000);
			child.on('error', (e) => {
				clearTimeout(timer);
				reject(e);
			});
			child.on('close', (code, signal) => {
				clearTimeout(timer);
				resolve({ code, signal, stdout, stderr, ms: Date.now() - t0 });
			});
		});
	}

	private async mustRun(args: string[]): Promise<RunResult> {
		const r = await this.run(args);
		if (r.code !== 0) throw new Error(`n8n ${args.join(' ')} exited ${r.code ?? r.signal}:\n${tail(r.stdout, 3000)}\n${tail(r.stderr, 3000)}`);
		return r;
	}

	private writeTemp(prefix: string, data: unknown): string {
		const dir = path.join(this.userFolder, 'imports');
		fs.mkdirSync(dir, { recursive: true });
		const file = path.join(dir, `${prefix}-${Date.now()}-${randomUUID().slice(0, 8)}.json`);
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	/** Build + pack + extract our package (or `opts.packageDir`) into `.n8n/nodes/node_modules`. */
	installPackage(opts: PackOptions = {}): string {
		return installPackage(this.userFolder, { log: this.log, ...opts });
	}

	installTarball(tgz: string): string {
		return installTarball(this.userFolder, tgz);
	}

	/**
	 * `n8n import:credentials`. Items: `{ id, name, type, data }`; `data` as a plain object (n8n
	 * encrypts it with the instance key). The credential type is not validated on import.
	 */
	async importCredentials(credentials: Array<{ id: string; name: string; type: string; data: Record<string, unknown>; [k: string]: unknown }>): Promise<RunResult> {
		this.assertStopped('importCredentials');
		return this.mustRun(['import:credentials', `--input=${this.writeTemp('credentials', credentials)}`]);
	}

	/**
	 * `n8n import:workflow` of one workflow or several (one CLI call). Each needs `id` (≤ 21 chars),
	 * `name`, `nodes`, `connections`. Imports are always inactive; use `activate()`.
	 */
	async importWorkflow(workflow: Record<string, unknown> | Array<Record<string, unknown>>): Promise<RunResult> {
		this.assertStopped('importWorkflow');
		const list = (Array.isArray(workflow) ? workflow : [workflow]).map((w): Record<string, unknown> => ({ active: false, settings: { executionOrder: 'v1' }, connections: {}, ...w }));
		for (const w of list) if (typeof w.id !== 'string' || !w.id) throw new Error(`importWorkflow: workflow "${String(w.name)}" needs a string id`);
		return this.mustRun(['import:workflow', `--input=${this.writeTemp('workflows', list)}`]);
	}

	/**
	 * `n8n execute --id=<id> --rawOutput` (fresh process; the start node must be a Manual Trigger or
	 * Execute Workflow Trigger). Never throws for a failed workflow: check `ok` / `execution.status`.
	 */
	async execute(workflowId: string, opts: { timeoutMs?: number } = {}): Promise<ExecuteResult> {
		this.assertStopped('execute');
		const r = await this.run(['execute', `--id=${workflowId}`, '--rawOutput'], opts);
		const execution = parseExecutionJson(r.stdout);
		return { ...r, ok: r.code === 0 && execution?.status === 'success', execution, stdoutTail: tail(r.stdout), stderrTail: tail(r.stderr) };
	}

	/** `n8n export:nodes`: every node type description n8n loaded (built-ins + community packages). */
	async exportNodeTypes(): Promise<Array<{ name: string; version: number | number[]; displayName: string; [k: string]: unknown }>> {
		const out = path.join(this.userFolder, 'imports', `nodes-${Date.now()}.json`);
		fs.mkdirSync(path.dirname(out), { recursive: true });
		await this.mustRun(['export:nodes', `--output=${out}`]);
		try {
			return JSON.parse(fs.readFileSync(out, 'utf8'));
		} finally {
			fs.rmSync(out, { force: true });
		}
	}

	/**
	 * Make a workflow active ("published" in n8n 2.x) so its production webhooks / triggers run.
	 * Server stopped: `n8n publish:workflow --id` (the next `start()` waits until it is live).
	 * Server running: REST `POST /rest/workflows/:id/activate {versionId}`; n8n 2.41 then registers the
	 * triggers asynchronously (publication outbox), so this polls `/publication-status` until `published`.
	 */
	async activate(workflowId: string, timeoutMs = 30_000): Promise<void> {
		if (!this.server) {
			await this.mustRun(['publish:workflow', `--id=${workflowId}`]);
			this.publishedBeforeStart.add(workflowId);
			return;
		}
		const wf = (await this.rest<{ versionId: string }>('GET', `/rest/workflows/${workflowId}`)).data;
		await this.rest('POST', `/rest/workflows/${workflowId}/activate`, { versionId: wf.versionId });
		await this.waitForPublicationStatus(workflowId, 'published', timeoutMs);
	}

	async deactivate(workflowId: string, timeoutMs = 30_000): Promise<void> {
		if (!this.server) {
			await this.mustRun(['unpublish:workflow', `--id=${workflowId}`]);
			this.publishedBeforeStart.delete(workflowId);
			return;
		}
		await this.rest('POST', `/rest/workflows/${workflowId}/deactivate`, {});
		await this.waitForPublicationStatus(workflowId, 'not_published', timeoutMs);
	}

	/** `GET /rest/workflows/:id/publication-status` → `{ status: 'published'|'in_progress'|'not_published'|'partial'|'failed', triggers }`. */
	async publicationStatus(workflowId: string): Promise<{ status: string; liveVersionId: string | null; triggers: Array<{ nodeId: string; status: string; errorMessage?: string | null }> }> {
		return (await this.rest<{ status: string; liveVersionId: string | null; triggers: Array<{ nodeId: string; status: string; errorMessage?: string | null }> }>('GET', `/rest/workflows/${workflowId}/publication-status`)).data;
	}

	async waitForPublicationStatus(workflowId: string, wanted: 'published' | 'not_published', timeoutMs = 30_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		let st: Awaited<ReturnType<N8nInstance['publicationStatus']>> | undefined;
		while (Date.now() < deadline) {
			st = await this.publicationStatus(workflowId);
			if (st.status === wanted) return;
			if (wanted === 'published' && (st.status === 'failed' || st.status === 'partial')) break;
			await sleep(200);
		}
		throw new Error(`workflow ${workflowId}: publication status ${JSON.stringify(st)}, wanted ${wanted}`);
	}

	get running(): boolean {
		return !!this.server;
	}

	get baseUrl(): string {
		if (!this.port) throw new Error('n8n server not started');
		return `http://127.0.0.1:${this.port}`;
	}

	/** Production webhook URL (active workflows): `/webhook/<path>`. */
	webhookUrl(webhookPath: string): string {
		return `${this.baseUrl}/webhook/${webhookPath.replace(/^\//, '')}`;
	}

	/** Test webhook URL (only while the editor listens for a test event). */
	webhookTestUrl(webhookPath: string): string {
		return `${this.baseUrl}/webhook-test/${webhookPath.replace(/^\//, '')}`;
	}

	/** Everything the server printed so far (stdout + stderr). */
	serverOutput(): string {
		return this.output;
	}

	/** `n8n start` on 127.0.0.1; resolves once `/healthz` answers and startup (workflow activation) finished. */
	async start(opts: StartOptions = {}): Promise<void> {
		if (this.server) throw new Error('n8n already started');
		installExitHook();
		this.port = opts.port ?? (await freePort());
		const t0 = Date.now();
		const env = this.env({ N8N_PORT: String(this.port), WEBHOOK_URL: `http://127.0.0.1:${this.port}/`, N8N_EDITOR_BASE_URL: `http://127.0.0.1:${this.port}/` });
		// Own process group (detached) so stop() can signal n8n and its task-runner child by PID.
		const child = spawn(this.tools.node, [this.tools.n8nEntry, 'start'], { cwd: this.userFolder, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		this.server = child;
		this.output = '';
		liveServers.add(child);
		const onData = (d: Buffer) => {
			const s = d.toString();
			this.output += s;
			if (this.output.length > 4_000_000) this.output = this.output.slice(-2_000_000);
			opts.onOutput?.(s);
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', onData);
		let exited: string | undefined;
		child.on('exit', (code, signal) => {
			exited = `exit ${code ?? signal}`;
			liveServers.delete(child);
			if (this.server === child) this.server = undefined;
		});
		const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
		let healthy = false;
		while (Date.now() < deadline) {
			if (exited) throw new Error(`n8n start ${exited} during startup:\n${tail(this.output, 6000)}`);
			if (!healthy) {
				try {
					healthy = (await fetch(`${this.baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) })).ok;
				} catch {
					/* not listening yet */
				}
			}
			if (healthy && this.output.includes('Editor is now accessible via')) break;
			await sleep(250);
		}
		if (!healthy || !this.output.includes('Editor is now accessible via')) {
			await this.stop();
			throw new Error(`n8n start not ready after ${opts.timeoutMs ?? 120_000} ms:\n${tail(this.output, 6000)}`);
		}
		this.log(`n8n ${this.tools.n8nVersion} listening on ${this.baseUrl} (pid ${child.pid}, ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
		if (opts.setupOwner ?? true) await this.setupOwner();
		// n8n 2.41 registers published workflows' triggers asynchronously after startup.
		if (this.publishedBeforeStart.size && this.cookie) {
			for (const id of this.publishedBeforeStart) await this.waitForPublicationStatus(id, 'published');
			this.log(`published workflows live after ${((Date.now() - t0) / 1000).toFixed(1)} s: ${[...this.publishedBeforeStart].join(', ')}`);
		}
	}

	/**
	 * Owner account for REST calls / the editor. First call on a fresh DB: `POST /rest/owner/setup`;
	 * later (owner exists): `POST /rest/login`. Stores the `n8n-auth` cookie for `rest()`.
	 */
	async setupOwner(owner = DEFAULT_OWNER): Promise<typeof DEFAULT_OWNER> {
		const setup = await this.rawRest('POST', '/rest/owner/setup', owner);
		if (setup.status !== 200) {
			const login = await this.rawRest('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
			if (login.status !== 200) throw new Error(`owner setup (${setup.status}: ${setup.text.slice(0, 300)}) and login (${login.status}: ${login.text.slice(0, 300)}) failed`);
		}
		this.owner = owner;
		return owner;
	}

	private async rawRest(method: string, urlPath: string, body?: unknown): Promise<{ status: number; text: string; json?: unknown }> {
		const res = await fetch(`${this.baseUrl}${urlPath}`, {
			method,
			headers: { 'content-type': 'application/json', 'browser-id': this.browserId, ...(this.cookie ? { cookie: this.cookie } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(30_000),
		});
		const setCookie = res.headers.getSetCookie?.() ?? [];
		const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
		const text = await res.text();
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			/* not json */
		}
		return { status: res.status, text, json };
	}

	/** Authenticated call to n8n's internal REST API (`/rest/...`); throws on non-2xx. Returns the body (`{ data }`). */
	async rest<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<{ data: T }> {
		if (!this.cookie) await this.setupOwner();
		const r = await this.rawRest(method, urlPath, body);
		if (r.status < 200 || r.status >= 300) throw new Error(`${method} ${urlPath} → HTTP ${r.status}: ${r.text.slice(0, 1000)}`);
		return r.json as { data: T };
	}

	/** Executions of a workflow, newest first (summaries without `data`); n8n pages by 100, this follows `nextCursor`. */
	async listExecutions(workflowId: string, limit = 50): Promise<RestExecution[]> {
		const results: RestExecution[] = [];
		let cursor: string | null = null;
		do {
			const page = Math.min(100, limit - results.length);
			const q: URLSearchParams = new URLSearchParams({ filter: JSON.stringify({ workflowId }), limit: String(page), ...(cursor ? { cursor } : {}) });
			const r: { data: { results: RestExecution[]; nextCursor?: string | null } } = await this.rest('GET', `/rest/executions?${q}`);
			results.push(...r.data.results);
			cursor = r.data.nextCursor ?? null;
		} while (cursor && results.length < limit);
		return results;
	}

	/** One execution with its run data (n8n stores `data` "flatted"; this returns it parsed). */
	async getExecution(id: string): Promise<RestExecution> {
		const r = await this.rest<RestExecution & { data: unknown }>('GET', `/rest/executions/${id}`);
		const e = r.data;
		if (typeof e.data === 'string') {
			const req = createRequire(path.join(this.tools.n8nDir, 'node_modules', 'n8n', 'package.json'));
			const flatted = req('flatted') as { parse(s: string): unknown };
			e.data = flatted.parse(e.data) as ExecutionJson['data'];
		}
		return e as RestExecution;
	}

	/**
	 * Poll until the workflow has at least `count` finished executions (status not new/running/waiting);
	 * returns them with data, oldest first.
	 */
	async waitForExecutions(
		workflowId: string,
		count = 1,
		timeoutMs = 30_000,
		{ withData = true }: { withData?: boolean } = {},
	): Promise<RestExecution[]> {
		const deadline = Date.now() + timeoutMs;
		let last: RestExecution[] = [];
		while (Date.now() < deadline) {
			last = await this.listExecutions(workflowId, Math.max(50, count + 50));
			const done = last.filter((e) => !['new', 'running', 'waiting'].includes(e.status));
			if (done.length >= count) {
				const ordered = done.sort((a, b) => Number(a.id) - Number(b.id));
				if (!withData) return ordered;
				const full: RestExecution[] = [];
				for (const execution of ordered) full.push(await this.getExecution(execution.id));
				return full;
			}
			await sleep(200);
		}
		throw new Error(`workflow ${workflowId}: ${last.length} execution(s) [${last.map((e) => e.status).join(', ')}] after ${timeoutMs} ms, wanted ${count} finished`);
	}

	/** Total RSS in MiB of the server and its children (task runner), from /proc; undefined if not running. */
	serverRssMiB(): number | undefined {
		const pid = this.server?.pid;
		if (!pid) return undefined;
		const pids = [pid];
		for (let i = 0; i < pids.length; i++) {
			try {
				for (const t of fs.readdirSync(`/proc/${pids[i]}/task`)) {
					const kids = fs.readFileSync(`/proc/${pids[i]}/task/${t}/children`, 'utf8').trim();
					if (kids) pids.push(...kids.split(/\s+/).map(Number));
				}
			} catch {
				/* process gone */
			}
		}
		let kb = 0;
		for (const p of pids) {
			try {
				const m = fs.readFileSync(`/proc/${p}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m);
				if (m) kb += Number(m[1]);
			} catch {
				/* gone */
			}
		}
		return Math.round(kb / 1024);
	}

	/** SIGTERM the server's process group (by its PID), SIGKILL after `graceMs`. */
	async stop(graceMs = 15_000): Promise<void> {
		const child = this.server;
		if (!child?.pid) return;
		const pid = child.pid;
		const gone = new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));
		try {
			process.kill(-pid, 'SIGTERM');
		} catch {
			/* already gone */
		}
		const timer = setTimeout(() => {
			try {
				process.kill(-pid, 'SIGKILL');
			} catch {
				/* gone */
			}
		}, graceMs);
		await gone;
		clearTimeout(timer);
		// Leftover group members (task runner) get SIGKILL.
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			/* none left */
		}
		liveServers.delete(child);
		this.server = undefined;
		this.cookie = undefined;
	}

	/** stop() and delete the user folder (if we created it). */
	async dispose(): Promise<void> {
		await this.stop();
		if (this.ownsUserFolder) fs.rmSync(this.userFolder, { recursive: true, force: true });
	}

	private assertStopped(what: string): void {
		// The CLI opens the same sqlite file; the running server would not see the change anyway.
		if (this.server) throw new Error(`${what}: stop() the n8n server first (CLI commands share its sqlite DB)`);
	}
}

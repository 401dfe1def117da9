/**
 * A real n8n (2.41.1 on Node 24 by default; another line of `tools.ts` through `create({ tools })`) on a
 * throw-away user folder with sqlite: CLI import/execute, an `n8n start` server on 127.0.0.1, publishing
 * (= activating) workflows so their production webhooks register, and reading back executions over the
 * REST API. The parts live beside it: `env.ts` (the environment), `process.ts` (a long-running n8n
 * process), `cli.ts` (one-shot commands), `rest.ts`.
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
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { N8nCli, type ExecuteResult, type RunResult } from './cli';
import { DEFAULT_ENCRYPTION_KEY, freePort, n8nEnv } from './env';
import { installPackage, installTarball, type PackOptions } from './package';
import { N8nProcess } from './process';
import { DEFAULT_OWNER, N8nRest, type PublicationStatus, type RestExecution } from './rest';
import { ensureTools, publishesAsync, type Tools } from './tools';

export { DEFAULT_ENCRYPTION_KEY, freePort } from './env';
export { N8nCli, parseExecutionJson, type ExecuteResult, type ExecutionJson, type RunResult } from './cli';
export { N8nProcess, type N8nProcessOptions } from './process';
export { DEFAULT_OWNER, N8nRest, nodeOutput, type PublicationStatus, type RestExecution } from './rest';

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

export interface StartOptions {
	/** HTTP port on 127.0.0.1; default: a free port. */
	port?: number;
	/** Create the owner user via REST (`POST /rest/owner/setup`) and log in. Default true. */
	setupOwner?: boolean;
	timeoutMs?: number;
	/** Stream server output to this callback (default: kept in memory, see `serverOutput()`). */
	onOutput?: (chunk: string) => void;
}

export class N8nInstance {
	readonly tools: Tools;
	readonly userFolder: string;
	readonly encryptionKey: string;
	readonly brokerPort: number;
	private readonly ownsUserFolder: boolean;
	private readonly extraEnv: NodeJS.ProcessEnv;
	private readonly log: (line: string) => void;
	private readonly cli: N8nCli;
	private server?: N8nProcess;
	private client?: N8nRest;
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
		this.cli = new N8nCli(tools, this.userFolder, (extra) => this.env(extra));
	}

	static async create(opts: N8nInstanceOptions = {}): Promise<N8nInstance> {
		const tools = opts.tools ?? (await ensureTools({ log: opts.log }));
		return new N8nInstance(tools, opts, opts.brokerPort ?? (await freePort()));
	}

	/** Env of every n8n process (env.ts). */
	env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
		return n8nEnv(this.tools, this, this.extraEnv, extra);
	}

	/** Run an n8n CLI command (`node <n8n>/bin/n8n …args`) to completion. */
	run(args: string[], opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
		return this.cli.run(args, opts);
	}

	/** Build + pack + extract our package (or `opts.packageDir`) into `.n8n/nodes/node_modules`. */
	installPackage(opts: PackOptions = {}): string {
		return installPackage(this.userFolder, { log: this.log, ...opts });
	}

	installTarball(tgz: string): string {
		return installTarball(this.userFolder, tgz);
	}

	/** `n8n import:credentials` (see `N8nCli`); the credential type is not validated on import. */
	async importCredentials(credentials: Parameters<N8nCli['importCredentials']>[0]): Promise<RunResult> {
		this.assertStopped('importCredentials');
		return this.cli.importCredentials(credentials);
	}

	/** `n8n import:workflow` of one workflow or several (one CLI call). Imports are always inactive; use `activate()`. */
	async importWorkflow(workflow: Record<string, unknown> | Array<Record<string, unknown>>): Promise<RunResult> {
		this.assertStopped('importWorkflow');
		return this.cli.importWorkflow(workflow);
	}

	/** `n8n execute --id=<id> --rawOutput` (start node: Manual Trigger or Execute Workflow Trigger). Never throws for a failed workflow. */
	async execute(workflowId: string, opts: { timeoutMs?: number } = {}): Promise<ExecuteResult> {
		this.assertStopped('execute');
		return this.cli.execute(workflowId, opts);
	}

	/** `n8n export:nodes`: every node type description n8n loaded (built-ins + community packages). */
	exportNodeTypes(): ReturnType<N8nCli['exportNodeTypes']> {
		return this.cli.exportNodeTypes();
	}

	/**
	 * Make a workflow active ("published" in n8n 2.x) so its production webhooks / triggers run.
	 * Server stopped: `n8n publish:workflow --id` (the next `start()` waits until it is live).
	 * Server running: REST activate, then poll `/publication-status` until `published`.
	 */
	async activate(workflowId: string, timeoutMs = 30_000): Promise<void> {
		if (!this.running) {
			await this.cli.publish(workflowId);
			this.publishedBeforeStart.add(workflowId);
			return;
		}
		await this.restClient().activate(workflowId, timeoutMs);
	}

	async deactivate(workflowId: string, timeoutMs = 30_000): Promise<void> {
		if (!this.running) {
			await this.cli.unpublish(workflowId);
			this.publishedBeforeStart.delete(workflowId);
			return;
		}
		await this.restClient().deactivate(workflowId, timeoutMs);
	}

	publicationStatus(workflowId: string): Promise<PublicationStatus> {
		return this.restClient().publicationStatus(workflowId);
	}

	waitForPublicationStatus(workflowId: string, wanted: 'published' | 'not_published', timeoutMs = 30_000): Promise<void> {
		return this.restClient().waitForPublicationStatus(workflowId, wanted, timeoutMs);
	}

	get running(): boolean {
		return !!this.server?.running;
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
		return this.server?.output() ?? '';
	}

	/** `n8n start` on 127.0.0.1; resolves once `/healthz` answers and startup (workflow activation) finished. */
	async start(opts: StartOptions = {}): Promise<void> {
		if (this.running) throw new Error('n8n already started');
		this.port = opts.port ?? (await freePort());
		const t0 = Date.now();
		const env = this.env({ N8N_PORT: String(this.port), WEBHOOK_URL: `http://127.0.0.1:${this.port}/`, N8N_EDITOR_BASE_URL: `http://127.0.0.1:${this.port}/` });
		const server = N8nProcess.spawn({ tools: this.tools, cwd: this.userFolder, env, args: ['start'], onOutput: opts.onOutput });
		this.server = server;
		this.client = new N8nRest(this.baseUrl, this.tools.n8nDir, publishesAsync(this.tools));
		const timeoutMs = opts.timeoutMs ?? 120_000;
		try {
			await server.waitUntil(() => mainReady(this.baseUrl, server), timeoutMs);
		} catch (error) {
			await this.stop();
			throw error;
		}
		this.log(`n8n ${this.tools.n8nVersion} listening on ${this.baseUrl} (pid ${server.pid}, ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
		if (opts.setupOwner ?? true) await this.setupOwner();
		// n8n 2.41 registers published workflows' triggers asynchronously after startup.
		if (this.publishedBeforeStart.size && this.client.loggedIn) {
			for (const id of this.publishedBeforeStart) await this.waitForPublicationStatus(id, 'published');
			this.log(`published workflows live after ${((Date.now() - t0) / 1000).toFixed(1)} s: ${[...this.publishedBeforeStart].join(', ')}`);
		}
	}

	/** Owner account for REST calls / the editor: `POST /rest/owner/setup` on a fresh DB, else `POST /rest/login`. */
	async setupOwner(owner = DEFAULT_OWNER): Promise<typeof DEFAULT_OWNER> {
		this.owner = await this.restClient().setupOwner(owner);
		return this.owner;
	}

	/** Authenticated call to n8n's internal REST API (`/rest/...`); throws on non-2xx. Returns the body (`{ data }`). */
	rest<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<{ data: T }> {
		return this.restClient().rest<T>(method, urlPath, body);
	}

	/** Executions of a workflow, newest first (summaries without `data`). */
	listExecutions(workflowId: string, limit = 50): Promise<RestExecution[]> {
		return this.restClient().listExecutions(workflowId, limit);
	}

	/** One execution with its run data, un-flatted. */
	getExecution(id: string): Promise<RestExecution> {
		return this.restClient().getExecution(id);
	}

	/** Poll until the workflow has at least `count` finished executions; returns them with data, oldest first. */
	waitForExecutions(workflowId: string, count = 1, timeoutMs = 30_000, options: { withData?: boolean } = {}): Promise<RestExecution[]> {
		return this.restClient().waitForExecutions(workflowId, count, timeoutMs, options);
	}

	/** Total RSS in MiB of the server and its children (task runner); undefined if not running. */
	serverRssMiB(): number | undefined {
		return this.server?.rssMiB();
	}

	/** SIGTERM the server's process group (by its PID), SIGKILL after `graceMs`. */
	async stop(graceMs = 15_000): Promise<void> {
		this.client = undefined;
		await this.server?.stop(graceMs); // the stopped process keeps its output for serverOutput()
	}

	/** stop() and delete the user folder (if we created it). */
	async dispose(): Promise<void> {
		await this.stop();
		if (this.ownsUserFolder) fs.rmSync(this.userFolder, { recursive: true, force: true });
	}

	private restClient(): N8nRest {
		if (!this.client) throw new Error('n8n server not started');
		return this.client;
	}

	private assertStopped(what: string): void {
		// The CLI opens the same sqlite file; the running server would not see the change anyway.
		if (this.running) throw new Error(`${what}: stop() the n8n server first (CLI commands share its sqlite DB)`);
	}
}

/** The main process is ready when `/healthz` answers and startup (workflow activation) finished. */
export async function mainReady(baseUrl: string, server: N8nProcess): Promise<boolean> {
	if (!server.output().includes('Editor is now accessible via')) return false;
	try {
		return (await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) })).ok;
	} catch {
		return false;
	}
}

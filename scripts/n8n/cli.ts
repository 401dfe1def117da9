/**
 * One-shot n8n CLI commands (`node <n8n>/bin/n8n …`): each is a fresh process on the instance's database
 * (~2 s: boot, DB, load all nodes). With sqlite the server must be stopped first (N8nInstance checks
 * that); with Postgres (queue mode) the CLI can run beside the servers.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tail } from './env';
import { publishesAsync, type Tools } from './tools';

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

export class N8nCli {
	constructor(
		private readonly tools: Tools,
		private readonly userFolder: string,
		/** The environment of a CLI process, with `extra` merged in. */
		private readonly env: (extra?: NodeJS.ProcessEnv) => NodeJS.ProcessEnv,
	) {}

	/** Run an n8n CLI command to completion (SIGKILL after `timeoutMs`, default 3 min). */
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

	/** `run`, throwing with the output's tail on a non-zero exit. */
	async mustRun(args: string[]): Promise<RunResult> {
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

	/** `import:credentials`. Items: `{ id, name, type, data }`, `data` plain (n8n encrypts it with the instance key). */
	importCredentials(credentials: Array<{ id: string; name: string; type: string; data: Record<string, unknown>; [k: string]: unknown }>): Promise<RunResult> {
		return this.mustRun(['import:credentials', `--input=${this.writeTemp('credentials', credentials)}`]);
	}

	/**
	 * `import:workflow` of one workflow or several (one call). Each needs `id` (≤ 21 chars), `name`, `nodes`,
	 * `connections`. Imports are inactive, unless `activeState: 'fromJson'` (queue mode only) publishes
	 * those marked `active: true`.
	 */
	importWorkflow(workflow: Record<string, unknown> | Array<Record<string, unknown>>, opts: { activeState?: 'fromJson' } = {}): Promise<RunResult> {
		const list = (Array.isArray(workflow) ? workflow : [workflow]).map((w): Record<string, unknown> => ({ active: false, settings: { executionOrder: 'v1' }, connections: {}, ...w }));
		for (const w of list) if (typeof w.id !== 'string' || !w.id) throw new Error(`importWorkflow: workflow "${String(w.name)}" needs a string id`);
		return this.mustRun(['import:workflow', `--input=${this.writeTemp('workflows', list)}`, ...(opts.activeState ? [`--activeState=${opts.activeState}`] : [])]);
	}

	/** `execute --id=<id> --rawOutput`. Never throws for a failed workflow: check `ok` / `execution.status`. */
	async execute(workflowId: string, opts: { timeoutMs?: number } = {}): Promise<ExecuteResult> {
		const r = await this.run(['execute', `--id=${workflowId}`, '--rawOutput'], opts);
		const execution = parseExecutionJson(r.stdout);
		return { ...r, ok: r.code === 0 && execution?.status === 'success', execution, stdoutTail: tail(r.stdout), stderrTail: tail(r.stderr) };
	}

	/** Run a command that writes JSON to `--output=<file>` and return the parsed file. */
	private async exportJson<T>(args: string[]): Promise<T> {
		const out = path.join(this.userFolder, 'imports', `export-${Date.now()}-${randomUUID().slice(0, 8)}.json`);
		fs.mkdirSync(path.dirname(out), { recursive: true });
		await this.mustRun([...args, `--output=${out}`]);
		try {
			return JSON.parse(fs.readFileSync(out, 'utf8')) as T;
		} finally {
			fs.rmSync(out, { force: true });
		}
	}

	/** `export:nodes`: every node type description n8n loaded (built-ins + community packages). */
	exportNodeTypes(): Promise<Array<{ name: string; version: number | number[]; displayName: string; [k: string]: unknown }>> {
		return this.exportJson(['export:nodes']);
	}

	/** `export:credentials --decrypted`: every credential with its data in plain text. */
	exportCredentials(): Promise<Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>> {
		return this.exportJson(['export:credentials', '--all', '--decrypted']);
	}

	/**
	 * `publish:workflow --id` (2.x's activation; 1.x has no such command, its `update:workflow --active=true`
	 * does the same): sets the workflow active in the DB; servers pick it up at their next start.
	 */
	async publish(workflowId: string): Promise<void> {
		await this.mustRun(publishesAsync(this.tools) ? ['publish:workflow', `--id=${workflowId}`] : ['update:workflow', `--id=${workflowId}`, '--active=true']);
	}

	async unpublish(workflowId: string): Promise<void> {
		await this.mustRun(publishesAsync(this.tools) ? ['unpublish:workflow', `--id=${workflowId}`] : ['update:workflow', `--id=${workflowId}`, '--active=false']);
	}
}

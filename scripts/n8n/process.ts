/**
 * One long-running n8n process (`n8n start`, `n8n webhook`, `n8n worker --concurrency=5`, …) in its own
 * process group, so it and its task-runner child can be signalled by PID. Output is kept in memory and
 * handed to `onLine` line by line (the queue cluster prefixes each line with the process name).
 * Every live process is SIGKILLed when the host process exits, even without `stop()`.
 *
 *   const p = N8nProcess.spawn({ tools, cwd, env, args: ['worker', '--concurrency=5'], name: 'worker1' });
 *   await p.waitUntil(() => p.output().includes('n8n worker is now ready'), 60_000);
 *   p.kill('SIGKILL');  // or: await p.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { sleep, tail } from './env';
import type { Tools } from './tools';

export interface N8nProcessOptions {
	tools: Tools;
	cwd: string;
	/** The complete environment (see `n8nEnv`). */
	env: NodeJS.ProcessEnv;
	/** n8n CLI arguments, e.g. `['start']`, `['webhook']`, `['worker', '--concurrency=5']`. */
	args: string[];
	/** Used in error messages. Default: the first argument. */
	name?: string;
	onOutput?: (chunk: string) => void;
	/** Every complete output line (stdout and stderr). */
	onLine?: (line: string) => void;
}

const liveProcesses = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const c of liveProcesses) {
			try {
				if (c.pid) process.kill(-c.pid, 'SIGKILL');
			} catch {
				/* already gone */
			}
		}
	});
}

export class N8nProcess {
	readonly name: string;
	private readonly child: ChildProcess;
	private out = '';
	private partial = '';
	private exitReason?: string;
	private readonly exited: Promise<void>;

	private constructor(opts: N8nProcessOptions) {
		installExitHook();
		this.name = opts.name ?? opts.args[0] ?? 'n8n';
		this.child = spawn(opts.tools.node, [opts.tools.n8nEntry, ...opts.args], { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		liveProcesses.add(this.child);
		const onData = (d: Buffer) => {
			const s = d.toString();
			this.out += s;
			if (this.out.length > 4_000_000) this.out = this.out.slice(-2_000_000);
			opts.onOutput?.(s);
			if (opts.onLine) {
				const lines = (this.partial + s).split('\n');
				this.partial = lines.pop() ?? '';
				for (const line of lines) opts.onLine(line);
			}
		};
		this.child.stdout!.on('data', onData);
		this.child.stderr!.on('data', onData);
		this.exited = new Promise((resolve) => {
			this.child.on('exit', (code, signal) => {
				this.exitReason = `exit ${code ?? signal}`;
				liveProcesses.delete(this.child);
				if (this.partial && opts.onLine) opts.onLine(this.partial);
				this.partial = '';
				resolve();
			});
		});
	}

	static spawn(opts: N8nProcessOptions): N8nProcess {
		return new N8nProcess(opts);
	}

	get pid(): number | undefined {
		return this.child.pid;
	}

	get running(): boolean {
		return this.exitReason === undefined;
	}

	/** `exit <code or signal>` once the process ended, else undefined. */
	get exitedWith(): string | undefined {
		return this.exitReason;
	}

	/** Everything the process printed so far (stdout + stderr). */
	output(): string {
		return this.out;
	}

	/** Poll `ready` until it holds; throws with the output's tail if the process exits or time runs out. */
	async waitUntil(ready: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.exitReason) throw new Error(`n8n ${this.name} ${this.exitReason} during startup:\n${tail(this.out, 6000)}`);
			if (await ready()) return;
			await sleep(250);
		}
		throw new Error(`n8n ${this.name} not ready after ${timeoutMs} ms:\n${tail(this.out, 6000)}`);
	}

	/** Signal the whole process group (n8n and its task runner). */
	kill(signal: NodeJS.Signals): void {
		try {
			if (this.child.pid) process.kill(-this.child.pid, signal);
		} catch {
			/* already gone */
		}
	}

	/** SIGTERM the process group, SIGKILL after `graceMs`; leftover group members get SIGKILL. */
	async stop(graceMs = 15_000): Promise<void> {
		if (!this.child.pid) return;
		this.kill('SIGTERM');
		const timer = setTimeout(() => this.kill('SIGKILL'), graceMs);
		await this.exited;
		clearTimeout(timer);
		this.kill('SIGKILL');
	}

	/** Total RSS in MiB of the process and its children (task runner), from /proc; undefined once it ended. */
	rssMiB(): number | undefined {
		const pid = this.child.pid;
		if (!pid || !this.running) return undefined;
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
}

/**
 * A server the queue suite runs in the foreground as its child (Redis, Postgres), in its own process
 * group, its output handed over line by line. `stop()` signals the group by PID; every live daemon is
 * SIGKILLed when the host process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface DaemonOptions {
	name: string;
	command: string;
	args: string[];
	env?: NodeJS.ProcessEnv;
	cwd?: string;
	uid?: number;
	gid?: number;
	onLine: (line: string) => void;
	/** The signal for a clean stop (Postgres: SIGINT = fast shutdown). Default SIGTERM. */
	stopSignal?: NodeJS.Signals;
}

const live = new Set<Daemon>();
process.on('exit', () => {
	for (const daemon of live) daemon.kill('SIGKILL');
});

export class Daemon {
	readonly name: string;
	private readonly child: ChildProcess;
	private readonly stopSignal: NodeJS.Signals;
	private readonly exited: Promise<void>;
	exitedWith?: string;

	private constructor(opts: DaemonOptions) {
		this.name = opts.name;
		this.stopSignal = opts.stopSignal ?? 'SIGTERM';
		this.child = spawn(opts.command, opts.args, { cwd: opts.cwd, env: opts.env ?? process.env, uid: opts.uid, gid: opts.gid, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		live.add(this);
		for (const stream of [this.child.stdout!, this.child.stderr!]) {
			let partial = '';
			stream.on('data', (d: Buffer) => {
				const lines = (partial + d.toString()).split('\n');
				partial = lines.pop() ?? '';
				for (const line of lines) opts.onLine(line);
			});
		}
		this.exited = new Promise((resolve) => {
			this.child.on('error', (error) => {
				this.exitedWith = `failed to start: ${error.message}`;
				live.delete(this);
				resolve();
			});
			this.child.on('exit', (code, signal) => {
				this.exitedWith = `exit ${code ?? signal}`;
				live.delete(this);
				resolve();
			});
		});
	}

	static spawn(opts: DaemonOptions): Daemon {
		return new Daemon(opts);
	}

	get pid(): number | undefined {
		return this.child.pid;
	}

	get running(): boolean {
		return this.exitedWith === undefined;
	}

	kill(signal: NodeJS.Signals): void {
		try {
			if (this.child.pid) process.kill(-this.child.pid, signal);
		} catch {
			/* already gone */
		}
	}

	/** The clean-stop signal to the group, SIGKILL after `graceMs`. */
	async stop(graceMs = 10_000): Promise<void> {
		if (!this.running) return;
		this.kill(this.stopSignal);
		const timer = setTimeout(() => this.kill('SIGKILL'), graceMs);
		await this.exited;
		clearTimeout(timer);
		this.kill('SIGKILL');
	}
}

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * The sandbox in its own process (`sandbox/cli.ts` on a free port), so that its JSON encoding and
 * garbage collection do not land on whichever client is being timed.
 */
export async function startSandboxProcess(): Promise<{ url: string; control: (method: string, action: string, body?: unknown) => Promise<any>; stop: () => void }> {
	const root = join(__dirname, '..');
	const child: ChildProcess = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'sandbox/cli.ts'], {
		cwd: root,
		env: { ...process.env, YUNKE_SANDBOX_PORT: '0', TS_NODE_TRANSPILE_ONLY: 'true' },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const url = await new Promise<string>((resolve, reject) => {
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const match = /listening on (http:\/\/\S+)/.exec(output);
			if (match) resolve(match[1]);
		});
		child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}: ${output}`)));
	});
	const control = async (method: string, action: string, body?: unknown) => {
		const response = await fetch(`${url}/__control/${action}`, {
			method,
			headers: body === undefined ? undefined : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return await response.json();
	};
	return { url, control, stop: () => void child.kill('SIGTERM') };
}

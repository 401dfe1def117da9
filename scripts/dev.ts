/**
 * `npm run dev`: the n8n editor on localhost with this package loaded, next to the Yunke sandbox.
 *
 * Rebuilds and packs the package into `.n8n-dev/` (a kept, git-ignored n8n user folder), starts the
 * sandbox on a fixed port, imports the "Yunke sandbox" credential pointing at it and every workflow
 * in `examples/` (re-imported at each start, so save your own changes under another name), then
 * starts n8n and prints the editor URL and login. Ctrl+C stops n8n and the sandbox.
 *
 * Env: YUNKE_DEV_N8N_PORT (default 5678), YUNKE_SANDBOX_PORT (default 8710).
 */
import * as path from 'node:path';

import { DEMO_LOGIN } from '../sandbox/seed';
import { SANDBOX_CREDENTIAL } from './examples';
import { DEFAULT_OWNER } from './n8n/instance';
import { REPO_ROOT } from './n8n/tools';
import { startSandboxEditor, type SandboxEditor } from './sandboxEditor';

const N8N_PORT = Number(process.env.YUNKE_DEV_N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.YUNKE_SANDBOX_PORT ?? 8710);
const USER_FOLDER = path.join(REPO_ROOT, '.n8n-dev');

async function main(): Promise<void> {
	const log = (line: string) => process.stderr.write(`[dev] ${line}\n`);
	let editor: SandboxEditor | undefined;
	let stopping = false;
	const stop = async (exitCode: number) => {
		if (stopping) return;
		stopping = true;
		log('stopping n8n and the sandbox');
		await editor?.stop();
		process.exit(exitCode);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	try {
		editor = await startSandboxEditor({ userFolder: USER_FOLDER, n8nPort: N8N_PORT, sandboxPort: SANDBOX_PORT, quietSandbox: false, log });
	} catch (error) {
		log(`could not start: ${(error as Error).message}`);
		await stop(1);
		return;
	}

	const { n8n, sandbox } = editor;
	process.stdout.write(
		[
			'',
			`n8n ${n8n.tools.n8nVersion} editor:  ${n8n.baseUrl}`,
			`  login:           ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}`,
			`  package:         n8n-nodes-yunke (rebuilt from this checkout; restart to pick up changes)`,
			`  credential:      "${SANDBOX_CREDENTIAL.name}" → ${sandbox.url} (user ${DEMO_LOGIN.username})`,
			`  workflows:       examples/ (re-imported at every start)`,
			`Yunke sandbox:     ${sandbox.url}  (control API ${sandbox.url}/__control/state)`,
			`user folder:       ${path.relative(REPO_ROOT, USER_FOLDER)}/`,
			'Press Ctrl+C to stop.',
			'',
		].join('\n'),
	);

	// n8n ending on its own (crash, port taken later) ends the session too.
	const watch = setInterval(() => {
		if (!n8n.running && !stopping) {
			clearInterval(watch);
			log(`n8n stopped unexpectedly:\n${n8n.serverOutput().slice(-3000)}`);
			void stop(1);
		}
	}, 1000);
}

void main();

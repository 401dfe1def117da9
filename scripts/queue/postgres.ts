/**
 * Postgres for n8n's database: `DB_POSTGRESDB_HOST` (and the other `DB_POSTGRESDB_*`) when the user
 * points at a server, else Debian's PostgreSQL 15 binaries with a data folder made by `initdb` in a
 * temporary folder, run in the foreground as our child (as the `postgres` user when we are root).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, sleep } from '../n8n/env';
import { Daemon } from './daemon';
import { ensureDebianPackage } from './debian';

const PG_BIN = process.env.QUEUE_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresEndpoint {
	env: NodeJS.ProcessEnv;
	daemon?: Daemon;
	/** The temporary folder holding the data folder (removed by `stopPostgres`). */
	dir?: string;
	describe: string;
}

function pgIsReady(host: string, port: string, user: string): { ok: boolean; output: string } {
	const bin = fs.existsSync(path.join(PG_BIN, 'pg_isready')) ? path.join(PG_BIN, 'pg_isready') : 'pg_isready';
	const r = spawnSync(bin, ['-h', host, '-p', port, '-U', user, '-t', '2'], { encoding: 'utf8' });
	return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}`.trim() };
}

async function waitForPostgres(host: string, port: string, user: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last = pgIsReady(host, port, user);
	while (!last.ok && Date.now() < deadline) {
		await sleep(300);
		last = pgIsReady(host, port, user);
	}
	if (!last.ok) throw new Error(`Postgres at ${host}:${port} cannot be reached (${last.output || 'no answer'}). Start it, or set DB_POSTGRESDB_HOST/PORT/USER/PASSWORD/DATABASE to a reachable server.`);
}

function postgresUser(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
	const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
	if (r.status !== 0) throw new Error('running as root, but there is no `postgres` user to run PostgreSQL as (install Debian\'s postgresql-15)');
	return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

export async function startPostgres(opts: { log: (line: string) => void; onLine: (line: string) => void }): Promise<PostgresEndpoint> {
	if (process.env.DB_POSTGRESDB_HOST) {
		const host = process.env.DB_POSTGRESDB_HOST;
		const port = process.env.DB_POSTGRESDB_PORT ?? '5432';
		const user = process.env.DB_POSTGRESDB_USER ?? 'postgres';
		await waitForPostgres(host, port, user, 10_000);
		const env: NodeJS.ProcessEnv = { DB_TYPE: 'postgresdb' };
		for (const [key, value] of Object.entries(process.env)) if (key.startsWith('DB_POSTGRESDB_')) env[key] = value;
		opts.log(`Postgres: using DB_POSTGRESDB_HOST ${host}:${port}`);
		return { env, describe: `${host}:${port} (yours)` };
	}
	ensureDebianPackage('postgresql-15', () => fs.existsSync(path.join(PG_BIN, 'initdb')), `set QUEUE_PG_BIN to the folder of initdb and postgres, or DB_POSTGRESDB_HOST to an existing server`, opts.log);
	const owner = postgresUser();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunke-queue-pg-'));
	fs.chmodSync(dir, 0o755);
	const data = path.join(dir, 'data');
	if (owner) fs.chownSync(dir, owner.uid, owner.gid);
	const asOwner = { uid: owner?.uid, gid: owner?.gid, cwd: dir };
	execFileSync(path.join(PG_BIN, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync'], { ...asOwner, stdio: ['ignore', 'pipe', 'pipe'] });
	const port = String(await freePort());
	// a throw-away database: durability off, for speed
	const daemon = Daemon.spawn({
		name: 'postgres',
		command: path.join(PG_BIN, 'postgres'),
		args: ['-D', data, '-p', port, '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
		...asOwner,
		stopSignal: 'SIGINT',
		onLine: opts.onLine,
	});
	try {
		await waitForPostgres('127.0.0.1', port, 'postgres', 30_000);
		execFileSync(path.join(PG_BIN, 'psql'), ['-h', '127.0.0.1', '-p', port, '-U', 'postgres', '-c', 'create database n8n'], { stdio: ['ignore', 'pipe', 'pipe'] });
	} catch (error) {
		await daemon.stop();
		fs.rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	opts.log(`Postgres: PostgreSQL 15 on 127.0.0.1:${port} (pid ${daemon.pid}, data ${data})`);
	return {
		env: { DB_TYPE: 'postgresdb', DB_POSTGRESDB_HOST: '127.0.0.1', DB_POSTGRESDB_PORT: port, DB_POSTGRESDB_DATABASE: 'n8n', DB_POSTGRESDB_USER: 'postgres', DB_POSTGRESDB_PASSWORD: '' },
		daemon,
		dir,
		describe: `127.0.0.1:${port}`,
	};
}

export async function stopPostgres(pg: PostgresEndpoint): Promise<void> {
	await pg.daemon?.stop();
	if (pg.dir) fs.rmSync(pg.dir, { recursive: true, force: true });
}

/**
 * Redis for n8n's queue: `REDIS_URL` when the user points at a server, else Debian's `redis-server` on a
 * free loopback port, without persistence, in the foreground as our child (so teardown is by PID).
 * A missing `redis-server` is installed with apt-get when we run as root; otherwise a clear message.
 */
import * as net from 'node:net';
import { freePort, sleep } from '../n8n/env';
import { Daemon } from './daemon';
import { ensureDebianPackage, hasCommand } from './debian';

export interface RedisEndpoint {
	host: string;
	port: number;
	password?: string;
	db?: number;
	/** The server we started (undefined for `REDIS_URL`). */
	daemon?: Daemon;
}

/** n8n's env for this Redis (`QUEUE_BULL_REDIS_*`). */
export function redisEnv(redis: RedisEndpoint): NodeJS.ProcessEnv {
	return {
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		...(redis.password ? { QUEUE_BULL_REDIS_PASSWORD: redis.password } : {}),
		...(redis.db !== undefined ? { QUEUE_BULL_REDIS_DB: String(redis.db) } : {}),
	};
}

/** Resolves once a TCP connection to host:port succeeds and Redis answers PING; throws after `timeoutMs`. */
export async function waitForRedis(host: string, port: number, timeoutMs: number, password?: string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let lastError = '';
	while (Date.now() < deadline) {
		try {
			const answer = await redisCommand(host, port, password ? [['AUTH', password], ['PING']] : [['PING']]);
			if (answer.includes('+PONG')) return;
			lastError = answer.trim();
		} catch (error) {
			lastError = (error as Error).message;
		}
		await sleep(200);
	}
	throw new Error(`Redis at ${host}:${port} cannot be reached (${lastError}). Start it, or set REDIS_URL to a reachable server.`);
}

function redisCommand(host: string, port: number, commands: string[][]): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = net.connect({ host, port });
		let answer = '';
		socket.setTimeout(2000, () => socket.destroy(new Error('timeout')));
		socket.on('connect', () => socket.write(commands.map((c) => `*${c.length}\r\n${c.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`).join('')));
		socket.on('data', (d) => {
			answer += d.toString();
			if (answer.split('\r\n').length > commands.length) socket.end();
		});
		socket.on('end', () => resolve(answer));
		socket.on('error', reject);
	});
}

export async function startRedis(opts: { dir: string; log: (line: string) => void; onLine: (line: string) => void }): Promise<RedisEndpoint> {
	const url = process.env.REDIS_URL;
	if (url) {
		const parsed = new URL(url);
		const endpoint: RedisEndpoint = {
			host: parsed.hostname,
			port: Number(parsed.port || 6379),
			password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
			db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined,
		};
		await waitForRedis(endpoint.host, endpoint.port, 10_000, endpoint.password);
		opts.log(`Redis: using REDIS_URL ${parsed.hostname}:${endpoint.port}`);
		return endpoint;
	}
	ensureDebianPackage('redis-server', () => hasCommand('redis-server'), 'set REDIS_URL to an existing server', opts.log);
	const port = await freePort();
	const daemon = spawnRedis(port, opts);
	try {
		await waitForRedis('127.0.0.1', port, 15_000);
	} catch (error) {
		await daemon.stop();
		throw error;
	}
	opts.log(`Redis: redis-server on 127.0.0.1:${port} (pid ${daemon.pid})`);
	return { host: '127.0.0.1', port, daemon };
}

function spawnRedis(port: number, opts: { dir: string; onLine: (line: string) => void }): Daemon {
	return Daemon.spawn({
		name: 'redis',
		command: 'redis-server',
		args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', opts.dir, '--daemonize', 'no'],
		onLine: opts.onLine,
	});
}

/**
 * Brings our redis-server back on its port `downMs` after it died (the Redis-outage scenario kills it),
 * empty, as a Redis without persistence restarts. `onRestart` learns the new PID.
 */
export function superviseRedis(redis: RedisEndpoint, opts: { dir: string; downMs: number; log: (line: string) => void; onLine: (line: string) => void; onRestart: () => void }): () => Promise<void> {
	let stopping = false;
	void (async () => {
		while (!stopping && redis.daemon) {
			while (redis.daemon.running && !stopping) await sleep(100);
			if (stopping) return;
			opts.log(`Redis died (${redis.daemon.exitedWith}): back in ${opts.downMs} ms`);
			await sleep(opts.downMs);
			if (stopping) return;
			redis.daemon = spawnRedis(redis.port, opts);
			await waitForRedis('127.0.0.1', redis.port, 15_000).catch((error: Error) => opts.log(error.message));
			opts.log(`Redis back on 127.0.0.1:${redis.port} (pid ${redis.daemon.pid})`);
			opts.onRestart();
		}
	})();
	return async () => {
		stopping = true;
		await redis.daemon?.stop();
	};
}

/** What the scenarios use of the running cluster (`cluster.json`, written by test/queue/run.ts). */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

import { N8nCli } from '../../../scripts/n8n/cli';
import { N8nRest } from '../../../scripts/n8n/rest';
import { findTools } from '../../../scripts/n8n/tools';
import type { ClusterState } from '../../../scripts/queue/cluster';

export interface ClusterFile extends ClusterState {
	sandboxUrl: string;
	postgres: NodeJS.ProcessEnv;
	workers: number;
}

export function cluster(): ClusterFile {
	const file = process.env.QUEUE_CLUSTER_FILE;
	if (!file) throw new Error('These scenarios need the queue-mode cluster: run them with `npm run test:queue`.');
	return JSON.parse(fs.readFileSync(file, 'utf8')) as ClusterFile;
}

/** The sandbox's control API (`/__control/<action>`). */
export async function control<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'DELETE', action: string, body?: unknown): Promise<T> {
	const res = await fetch(`${cluster().sandboxUrl}/__control/${action}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!res.ok) throw new Error(`sandbox ${method} ${action} → ${res.status} ${await res.text()}`);
	return (await res.json()) as T;
}

export async function sandboxLogins(): Promise<number> {
	return (await control<{ logins: number }>('GET', 'stats')).logins;
}

/** The owner's REST session on main. */
export async function mainRest(): Promise<N8nRest> {
	const state = cluster();
	const rest = new N8nRest(state.mainUrl, state.n8nDir);
	await rest.setupOwner();
	return rest;
}

/** The n8n CLI against the cluster's Postgres (runs beside the servers). */
export function clusterCli(): N8nCli {
	const tools = findTools();
	if (!tools) throw new Error('n8n tools missing: run `npm run n8n:install`');
	const { cli } = cluster();
	return new N8nCli(tools, cli.userFolder, (extra = {}) => ({ ...cli.env, ...extra }));
}

/** The key n8n keeps for a credential, decrypted by the CLI (`export:credentials --decrypted`). */
export async function storedApiKey(credentialId: string): Promise<string | undefined> {
	const credentials = await clusterCli().exportCredentials();
	const found = credentials.find((credential) => credential.id === credentialId);
	if (!found) throw new Error(`credential ${credentialId} not in export:credentials`);
	return found.data.apiKey ? String(found.data.apiKey) : undefined;
}

/** One SQL query on the cluster's Postgres; each row's columns joined by a tab. */
export function sql(query: string): string[] {
	const pg = cluster().postgres;
	const bin = fs.existsSync('/usr/lib/postgresql/15/bin/psql') ? '/usr/lib/postgresql/15/bin/psql' : 'psql';
	const out = execFileSync(bin, ['-h', String(pg.DB_POSTGRESDB_HOST), '-p', String(pg.DB_POSTGRESDB_PORT ?? 5432), '-U', String(pg.DB_POSTGRESDB_USER ?? 'postgres'), '-d', String(pg.DB_POSTGRESDB_DATABASE ?? 'n8n'), '-AtF', '\t', '-c', query], {
		encoding: 'utf8',
		maxBuffer: 1024 * 1024 * 1024,
		env: { ...process.env, PGPASSWORD: String(pg.DB_POSTGRESDB_PASSWORD ?? '') },
	});
	return out.split('\n').filter((line) => line.length > 0);
}

/** Status of each execution of a workflow (from Postgres). */
export function executionStatuses(workflowId: string, sinceId = 0): Array<{ id: number; status: string }> {
	return sql(`select id, status from execution_entity where "workflowId" = '${workflowId}' and id > ${sinceId} order by id`).map((row) => {
		const [id, status] = row.split('\t');
		return { id: Number(id), status };
	});
}

export function lastExecutionId(): number {
	return Number(sql('select coalesce(max(id), 0) from execution_entity')[0]);
}

/** Which worker ran each execution, from the workers' logs ("Worker started execution <id>"). */
export function workerOfExecutions(): Map<number, string> {
	const state = cluster();
	const found = new Map<number, string>();
	for (const [name, info] of Object.entries(state.processes)) {
		if (info.role !== 'worker' || !fs.existsSync(info.log)) continue;
		for (const match of fs.readFileSync(info.log, 'utf8').matchAll(/started execution (\d+)/gi)) found.set(Number(match[1]), name);
	}
	return found;
}

export async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

export async function postJson(url: string, body: unknown, timeoutMs = 120_000): Promise<{ status: number; text: string }> {
	const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
	return { status: res.status, text: await res.text() };
}

/** Sending pushes to the cluster's webhook processors and reading what the triggers emitted (Postgres). */
import * as http from 'node:http';
import { createRequire } from 'node:module';
import * as path from 'node:path';

import type { ExecutionJson } from '../../../scripts/n8n/cli';
import { nodeOutput } from '../../../scripts/n8n/rest';
import { TRIGGER_NODE_NAME } from '../../e2e/helpers/triggerWorkflows';
import { cluster, sql } from './cluster';

/**
 * One push on a fresh connection, for both sides alike: a pooled keep-alive connection that the
 * server closes while it is reused would fail the push before n8n saw it.
 */
export function postPush(url: string, body: unknown, timeoutMs: number): Promise<{ status: number; answer: string }> {
	const payload = JSON.stringify(body);
	return new Promise((resolve, reject) => {
		const request = http.request(url, { method: 'POST', agent: false, timeout: timeoutMs, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (response) => {
			let answer = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (answer += chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, answer }));
			response.on('error', reject);
		});
		request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		request.on('error', reject);
		request.end(payload);
	});
}

function flattedParse(): (text: string) => unknown {
	const require = createRequire(path.join(cluster().n8nDir, 'node_modules', 'n8n', 'package.json'));
	return (require('flatted') as { parse(text: string): unknown }).parse;
}

/**
 * The sn of every item a trigger emitted, over its executions since `sinceId` (execution data in
 * Postgres). A repeat that reached another webhook processor starts an execution that ends at the
 * trigger with no items.
 */
export function emittedSns(workflowId: string, prefix: string, sinceId: number): string[] {
	const parse = flattedParse();
	const rows = sql(`select d.data from execution_data d join execution_entity e on e.id = d."executionId" where e."workflowId" = '${workflowId}' and e.id > ${sinceId} and e.status = 'success'`);
	return rows
		.flatMap((row) => nodeOutput(parse(row) as ExecutionJson['data'], TRIGGER_NODE_NAME))
		.map((item) => String(item.sn))
		.filter((sn) => sn.startsWith(`account|${prefix}`));
}

/**
 * Per execution of a workflow since `sinceId`, the sns with this prefix its stored data holds (the push
 * it started with). Read it before a killed worker restarts: n8n then rebuilds a crashed execution's
 * data from its event log, without the push.
 */
export function snsByExecution(workflowId: string, sinceId: number, prefix: string): Map<number, string[]> {
	const rows = sql(`select d."executionId", d.data from execution_data d join execution_entity e on e.id = d."executionId" where e."workflowId" = '${workflowId}' and e.id > ${sinceId}`);
	const pattern = new RegExp(`account\\|${prefix}\\d+`, 'g');
	const found = new Map<number, string[]>();
	for (const row of rows) {
		const [id, data] = row.split('\t');
		if (data) found.set(Number(id), [...new Set(data.match(pattern) ?? [])]);
	}
	return found;
}

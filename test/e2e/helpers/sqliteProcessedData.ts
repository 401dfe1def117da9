/**
 * n8n's `processed_data` table in a real n8n's SQLite database, read and written from outside the
 * server (as another n8n process sharing the database would), with the sqlite3 module of the n8n
 * tools (built for their Node 24).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';

import type { N8nInstance } from '../../../scripts/n8n/instance';

export interface ProcessedDataRow {
	context: string;
	workflowId: string;
	value: { mode: string; data: string[] };
}

/** n8n's DeduplicationHelper stores md5(base64) of each recorded value. */
export const processedHash = (value: string) => createHash('md5').update(value).digest('base64');

function sql(n8n: N8nInstance, script: string, input: unknown): unknown {
	const sqlite = path.join(n8n.tools.n8nDir, 'node_modules', 'sqlite3');
	const db = path.join(n8n.userFolder, '.n8n', 'database.sqlite');
	const program = `
const sqlite3 = require(${JSON.stringify(sqlite)});
const db = new sqlite3.Database(${JSON.stringify(db)});
db.configure('busyTimeout', 10000);
const input = JSON.parse(process.argv[1]);
const all = (q, p) => new Promise((ok, ko) => db.all(q, p, (e, r) => (e ? ko(e) : ok(r))));
const run = (q, p) => new Promise((ok, ko) => db.run(q, p, (e) => (e ? ko(e) : ok())));
(async () => { ${script} })().then((out) => { process.stdout.write(JSON.stringify(out ?? null)); db.close(); }, (e) => { console.error(e); process.exit(1); });`;
	const result = spawnSync(n8n.tools.node, ['-e', program, JSON.stringify(input)], { encoding: 'utf8', timeout: 30_000 });
	if (result.status !== 0) throw new Error(`processed_data query failed: ${result.stderr}`);
	return JSON.parse(result.stdout);
}

export function processedDataRows(n8n: N8nInstance, workflowId: string): ProcessedDataRow[] {
	const rows = sql(n8n, `return await all('SELECT context, workflowId, value FROM processed_data WHERE workflowId = ?', [input.workflowId]);`, { workflowId }) as Array<
		Omit<ProcessedDataRow, 'value'> & { value: string }
	>;
	return rows.map((row) => ({ ...row, value: JSON.parse(row.value) as ProcessedDataRow['value'] }));
}

/** Records `values` in the workflow-scope row, as a check-and-record by another n8n process would. */
export function recordProcessed(n8n: N8nInstance, workflowId: string, values: string[]): void {
	sql(
		n8n,
		`const [row] = await all("SELECT value FROM processed_data WHERE workflowId = ? AND context = ''", [input.workflowId]);
const value = row ? JSON.parse(row.value) : { mode: 'entries', data: [] };
value.data.push(...input.hashes);
if (row) await run("UPDATE processed_data SET value = ? WHERE workflowId = ? AND context = ''", [JSON.stringify(value), input.workflowId]);
else await run("INSERT INTO processed_data (workflowId, context, value) VALUES (?, '', ?)", [input.workflowId, JSON.stringify(value)]);`,
		{ workflowId, hashes: values.map(processedHash) },
	);
}

import { createHash } from 'node:crypto';

import type { DeduplicationHelperFunctions, ICheckProcessedOptions, IDeduplicationOutput } from 'n8n-workflow';

/**
 * n8n's `processed_data` table and its DeduplicationHelper (n8n 2.41.1,
 * packages/cli/src/deduplication/deduplication-helper.ts, mode "entries"), ported statement by
 * statement: one row per (context, workflowId) — the table's primary key, so a second INSERT of
 * the same row fails as Postgres fails it — and check-and-record as SELECT, then INSERT or UPDATE.
 * Every statement yields to the event loop first, so concurrent callers interleave between
 * statements the way separate n8n processes sharing one database do.
 */
export class ProcessedDataTable {
	readonly rows = new Map<string, { mode: string; data: string[] }>();

	statements = 0;

	/** Makes every statement fail (an unreachable database). */
	failing = false;

	/** Makes the next n DELETE statements fail (a database that drops the connection meanwhile). */
	failingDeletes = 0;

	/** Runs before every statement: another process acting between two statements of this one. */
	beforeStatement?: () => void;

	helpersFor(workflowId: string, nodeId: string): DeduplicationHelperFunctions {
		const context = (scope: string) => `${workflowId}#${scope === 'node' ? `n:${nodeId}` : ''}`;
		return {
			checkProcessedAndRecord: async (items, scope, options) => await this.checkAndRecord(context(scope), items.map(String), options),
			checkProcessedItemsAndRecord: async () => await Promise.reject(new Error('not used by the trigger')),
			removeProcessed: async (items, scope) => await this.remove(context(scope), items.map(String)),
			clearAllProcessedItems: async (scope) => {
				await this.statement();
				if (this.failingDeletes > 0 && this.failingDeletes--) throw new Error('Connection terminated unexpectedly');
				this.rows.delete(context(scope));
			},
			getProcessedDataCount: async (scope, options) => {
				const row = await this.select(context(scope));
				return options.mode === 'entries' && row ? row.data.length : 0;
			},
		};
	}

	private async checkAndRecord(key: string, items: string[], options: ICheckProcessedOptions): Promise<IDeduplicationOutput> {
		const row = await this.select(key);
		if (row && row.mode !== options.mode) throw new Error('Deduplication data was originally saved with an incompatible setting');
		const hashed = items.map((item) => createHash('md5').update(item).digest('base64'));
		if (!row) {
			if (options.maxEntries) hashed.splice(0, hashed.length - options.maxEntries);
			await this.statement();
			if (this.rows.has(key)) throw new Error('duplicate key value violates unique constraint "PK_processed_data"');
			this.rows.set(key, { mode: options.mode, data: hashed });
			return { new: items, processed: [] };
		}
		const result: IDeduplicationOutput = { new: [], processed: [] };
		const known = new Set(row.data);
		hashed.forEach((hash, index) => {
			if (known.has(hash)) result.processed.push(items[index]);
			else {
				result.new.push(items[index]);
				row.data.push(hash);
			}
		});
		if (options.maxEntries) row.data.splice(0, row.data.length - options.maxEntries);
		await this.statement();
		// UPDATE … WHERE the primary key: writes the caller's copy back, whatever happened meanwhile.
		if (this.rows.has(key)) this.rows.set(key, row);
		return result;
	}

	/** removeProcessed: SELECT, then UPDATE without the items' hashes. */
	private async remove(key: string, items: string[]): Promise<void> {
		const row = await this.select(key);
		if (!row) return;
		const hashed = new Set(items.map((item) => createHash('md5').update(item).digest('base64')));
		row.data = row.data.filter((hash) => !hashed.has(hash));
		await this.statement();
		if (this.rows.has(key)) this.rows.set(key, row);
	}

	/** Plants a row as another process would have written it (`items` hashed by n8n). */
	plant(workflowId: string, context: string, items: string[]): void {
		this.rows.set(`${workflowId}#${context}`, { mode: 'entries', data: items.map((item) => createHash('md5').update(item).digest('base64')) });
	}

	/** SELECT: the caller gets its own copy of the row, as TypeORM hands out entities. */
	private async select(key: string): Promise<{ mode: string; data: string[] } | undefined> {
		await this.statement();
		const row = this.rows.get(key);
		return row ? { mode: row.mode, data: [...row.data] } : undefined;
	}

	private async statement(): Promise<void> {
		this.beforeStatement?.();
		this.statements += 1;
		await new Promise((resolve) => setImmediate(resolve));
		if (this.failing) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
	}
}

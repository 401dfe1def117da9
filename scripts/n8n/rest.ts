/**
 * n8n's internal REST API (`/rest/...`) as the owner: owner setup/login (cookie), workflow activation
 * (publication status), executions (with their run data un-flatted).
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { ExecutionJson } from './cli';
import { sleep } from './env';

const DATABASE_NOT_READY_WAIT_MS = 30_000;

export const DEFAULT_OWNER = {
	email: 'owner@yunke.test',
	firstName: 'Yunke',
	lastName: 'Owner',
	password: 'Yunke-e2e-Passw0rd',
};

/** An execution as returned by `GET /rest/executions/:id`, with `data` un-flatted. */
export interface RestExecution {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	finished: boolean;
	startedAt: string;
	stoppedAt?: string;
	data?: ExecutionJson['data'];
	[k: string]: unknown;
}

export interface PublicationStatus {
	status: string;
	liveVersionId: string | null;
	triggers: Array<{ nodeId: string; status: string; errorMessage?: string | null }>;
}

/** First output items of a node, as plain json objects (`runData[node][run].data.main[output]`). */
export function nodeOutput(data: ExecutionJson['data'] | undefined, nodeName: string, run = 0, output = 0): Array<Record<string, unknown>> {
	const r = data?.resultData?.runData?.[nodeName]?.[run];
	return (r?.data?.main?.[output] ?? []).map((i) => i.json);
}

export class N8nRest {
	private cookie?: string;
	private readonly browserId = randomUUID();
	owner?: typeof DEFAULT_OWNER;

	/**
	 * `n8nDir`: the n8n install (its `flatted` un-flattens execution data). `publishesAsync`: 2.x registers
	 * triggers after the activate call returns (poll the publication status); 1.x before it returns.
	 */
	constructor(
		readonly baseUrl: string,
		private readonly n8nDir: string,
		private readonly publishesAsync = true,
	) {}

	/** First call on a fresh DB: `POST /rest/owner/setup`; later: `POST /rest/login`. Keeps the `n8n-auth` cookie. */
	async setupOwner(owner = DEFAULT_OWNER): Promise<typeof DEFAULT_OWNER> {
		const setup = await this.rawRest('POST', '/rest/owner/setup', owner);
		if (setup.status !== 200) {
			const login = await this.rawRest('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
			if (login.status !== 200) throw new Error(`owner setup (${setup.status}: ${setup.text.slice(0, 300)}) and login (${login.status}: ${login.text.slice(0, 300)}) failed`);
		}
		this.owner = owner;
		return owner;
	}

	get loggedIn(): boolean {
		return !!this.cookie;
	}

	async rawRest(method: string, urlPath: string, body?: unknown): Promise<{ status: number; text: string; json?: unknown }> {
		const res = await fetch(`${this.baseUrl}${urlPath}`, {
			method,
			headers: { 'content-type': 'application/json', 'browser-id': this.browserId, ...(this.cookie ? { cookie: this.cookie } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(30_000),
		});
		const setCookie = res.headers.getSetCookie?.() ?? [];
		const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
		const text = await res.text();
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			/* not json */
		}
		return { status: res.status, text, json };
	}

	/**
	 * Authenticated call; throws on non-2xx. Returns the body (`{ data }`). n8n answers 503 "Database is
	 * not ready!" while its database health check lags (a loaded machine): such answers are waited out.
	 */
	async rest<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<{ data: T }> {
		if (!this.cookie) await this.setupOwner();
		let r = await this.rawRest(method, urlPath, body);
		for (const deadline = Date.now() + DATABASE_NOT_READY_WAIT_MS; r.status === 503 && Date.now() < deadline; ) {
			await sleep(500);
			r = await this.rawRest(method, urlPath, body);
		}
		if (r.status < 200 || r.status >= 300) throw new Error(`${method} ${urlPath} → HTTP ${r.status}: ${r.text.slice(0, 1000)}`);
		return r.json as { data: T };
	}

	/** REST activate, then poll the publication status: n8n 2.41 registers triggers asynchronously. */
	async activate(workflowId: string, timeoutMs = 30_000): Promise<void> {
		const wf = (await this.rest<{ versionId: string }>('GET', `/rest/workflows/${workflowId}`)).data;
		await this.rest('POST', `/rest/workflows/${workflowId}/activate`, { versionId: wf.versionId });
		await this.waitForPublicationStatus(workflowId, 'published', timeoutMs);
	}

	async deactivate(workflowId: string, timeoutMs = 30_000): Promise<void> {
		await this.rest('POST', `/rest/workflows/${workflowId}/deactivate`, {});
		await this.waitForPublicationStatus(workflowId, 'not_published', timeoutMs);
	}

	/** `GET /rest/workflows/:id/publication-status` → `{ status: 'published'|'in_progress'|'not_published'|'partial'|'failed', triggers }`. */
	async publicationStatus(workflowId: string): Promise<PublicationStatus> {
		return (await this.rest<PublicationStatus>('GET', `/rest/workflows/${workflowId}/publication-status`)).data;
	}

	async waitForPublicationStatus(workflowId: string, wanted: 'published' | 'not_published', timeoutMs = 30_000): Promise<void> {
		if (!this.publishesAsync) {
			const { active } = (await this.rest<{ active: boolean }>('GET', `/rest/workflows/${workflowId}`)).data;
			if (active === (wanted === 'published')) return;
			throw new Error(`workflow ${workflowId}: active ${active}, wanted ${wanted}`);
		}
		const deadline = Date.now() + timeoutMs;
		let st: PublicationStatus | undefined;
		while (Date.now() < deadline) {
			st = await this.publicationStatus(workflowId);
			if (st.status === wanted) return;
			if (wanted === 'published' && (st.status === 'failed' || st.status === 'partial')) break;
			await sleep(200);
		}
		throw new Error(`workflow ${workflowId}: publication status ${JSON.stringify(st)}, wanted ${wanted}`);
	}

	/** Executions of a workflow, newest first (summaries without `data`); n8n pages by 100, this follows `nextCursor`. */
	async listExecutions(workflowId: string, limit = 50): Promise<RestExecution[]> {
		const results: RestExecution[] = [];
		let cursor: string | null = null;
		do {
			const page = Math.min(100, limit - results.length);
			const q: URLSearchParams = new URLSearchParams({ filter: JSON.stringify({ workflowId }), limit: String(page), ...(cursor ? { cursor } : {}) });
			const r: { data: { results: RestExecution[]; nextCursor?: string | null } } = await this.rest('GET', `/rest/executions?${q}`);
			results.push(...r.data.results);
			cursor = r.data.nextCursor ?? null;
		} while (cursor && results.length < limit);
		return results;
	}

	/** One execution with its run data (n8n stores `data` "flatted"; this returns it parsed). */
	async getExecution(id: string): Promise<RestExecution> {
		const r = await this.rest<RestExecution & { data: unknown }>('GET', `/rest/executions/${id}`);
		const e = r.data;
		if (typeof e.data === 'string') {
			const req = createRequire(path.join(this.n8nDir, 'node_modules', 'n8n', 'package.json'));
			const flatted = req('flatted') as { parse(s: string): unknown };
			e.data = flatted.parse(e.data) as ExecutionJson['data'];
		}
		return e as RestExecution;
	}

	/** Poll until the workflow has at least `count` finished executions (not new/running/waiting); oldest first. */
	async waitForExecutions(workflowId: string, count = 1, timeoutMs = 30_000, { withData = true }: { withData?: boolean } = {}): Promise<RestExecution[]> {
		const deadline = Date.now() + timeoutMs;
		let last: RestExecution[] = [];
		while (Date.now() < deadline) {
			last = await this.listExecutions(workflowId, Math.max(50, count + 50));
			const done = last.filter((e) => !['new', 'running', 'waiting'].includes(e.status));
			if (done.length >= count) {
				const ordered = done.sort((a, b) => Number(a.id) - Number(b.id));
				if (!withData) return ordered;
				const full: RestExecution[] = [];
				for (const execution of ordered) full.push(await this.getExecution(execution.id));
				return full;
			}
			await sleep(200);
		}
		throw new Error(`workflow ${workflowId}: ${last.length} execution(s) [${last.map((e) => e.status).join(', ')}] after ${timeoutMs} ms, wanted ${count} finished`);
	}
}

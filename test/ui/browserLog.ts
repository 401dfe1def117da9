/**
 * What the browser reported while the checks ran: console messages, uncaught page errors and HTTP
 * answers of 400 or more (or requests that never got one).
 *
 * The "Browser health" check fails on the entries that come from this package, and only those:
 * - console errors and page errors whose text or stack names the package or its nodes
 *   (`n8n-nodes-yunke`, `yunke`: the node types, their icons, their descriptions);
 * - failed calls that run the package's code or serve its files: `/rest/dynamic-node-parameters/…`
 *   (the "From List" searches, option loaders and the resource mapper), `/rest/credentials/test`,
 *   and `/icons/n8n-nodes-yunke/…`.
 * n8n's own noise in a closed sandbox (telemetry, version checks, the push connection reconnecting)
 * names none of these and is ignored. So are calls to other hosts than the editor: the node creator
 * looks the package up on the public npm registry, which this closed network refuses; that is the
 * editor's request, not the package's. A request the editor aborted itself (ERR_ABORTED, e.g. a
 * credential test superseded by the next one) is not a failure either. A wrong password is not a failure: the credential test answers
 * 200 with `status: Error`, and the UI shows it.
 */
import type { Page } from 'playwright-core';

export interface BrowserEntry {
	kind: 'console' | 'pageerror' | 'http' | 'requestfailed';
	level: string;
	text: string;
	url?: string;
}

const PACKAGE_WORDS = /n8n-nodes-yunke|yunke/i;
const PACKAGE_CALLS = /\/rest\/dynamic-node-parameters\/|\/rest\/credentials\/test|\/icons\/n8n-nodes-yunke\//;

export class BrowserLog {
	readonly entries: BrowserEntry[] = [];

	attach(page: Page): void {
		page.on('console', (message) => {
			const location = message.location();
			this.entries.push({ kind: 'console', level: message.type(), text: message.text(), url: location?.url });
		});
		page.on('pageerror', (error) => this.entries.push({ kind: 'pageerror', level: 'error', text: `${error.message}\n${error.stack ?? ''}` }));
		page.on('response', (response) => {
			if (response.status() >= 400) this.entries.push({ kind: 'http', level: 'error', text: `HTTP ${response.status()} ${response.request().method()}`, url: response.url() });
		});
		page.on('requestfailed', (request) => {
			this.entries.push({ kind: 'requestfailed', level: 'error', text: `${request.method()} failed: ${request.failure()?.errorText ?? ''}`, url: request.url() });
		});
	}

	constructor(private readonly editorOrigin: string) {}

	/** Entries that come from the package's code (see the rule above). */
	packageProblems(): BrowserEntry[] {
		return this.entries.filter((entry) => {
			if (entry.url && /^https?:/.test(entry.url) && new URL(entry.url).origin !== this.editorOrigin) return false;
			if (entry.kind === 'requestfailed' && entry.text.includes('ERR_ABORTED')) return false;
			if (entry.kind === 'http' || entry.kind === 'requestfailed') return PACKAGE_CALLS.test(entry.url ?? '');
			if (entry.level !== 'error') return false;
			return PACKAGE_WORDS.test(entry.text) || PACKAGE_WORDS.test(entry.url ?? '');
		});
	}

	/** Everything, one line per entry, for the results folder. */
	dump(): string {
		return this.entries.map((entry) => `[${entry.kind}:${entry.level}] ${entry.text.replace(/\s+/g, ' ').slice(0, 500)}${entry.url ? ` <${entry.url}>` : ''}`).join('\n');
	}
}

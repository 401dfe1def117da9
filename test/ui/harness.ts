/**
 * Named checks, screenshots and the summary line of `npm run test:ui`.
 *
 * A suite is a sequence of checks against one n8n editor (its own n8n process, so a suite can start
 * n8n with extra env such as `N8N_DEFAULT_LOCALE`). Checks run in order and share the page; a failing
 * check is recorded with a screenshot and the suite goes on with the next one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

import type { WorkflowJson } from '../../scripts/examples';
import type { SandboxEditor } from '../../scripts/sandboxEditor';
import { BrowserLog } from './browserLog';
import { Editor } from './editor';

export const RESULTS_DIR = path.join(__dirname, 'results');

export interface SuiteContext {
	page: Page;
	editor: Editor;
	/** The running n8n and sandbox (`env.sandbox.data` is the tenant, `env.n8n.baseUrl` the editor). */
	env: SandboxEditor;
	/** This suite's results folder. */
	resultsDir: string;
	/** Console messages and page errors collected since the page opened. */
	browserLog: BrowserLog;
	/** Run one named check: passes when `fn` resolves; a thrown error fails it (with a screenshot). */
	check(name: string, fn: () => Promise<void>): Promise<boolean>;
	/** Screenshot of the page into the suite's results folder (or to `file` when given). */
	shot(name: string, file?: string): Promise<string>;
}

export interface Suite {
	name: string;
	/** Extra env for n8n, e.g. `{ N8N_DEFAULT_LOCALE: 'zh-CN' }`. */
	n8nEnv?: NodeJS.ProcessEnv;
	/** Browser locale (default en-US). */
	browserLocale?: string;
	/** Workflows to import next to the examples (bound to the sandbox). */
	workflows?: WorkflowJson[];
	run(ctx: SuiteContext): Promise<void>;
}

export interface CheckResult {
	suite: string;
	name: string;
	ok: boolean;
	ms: number;
	error?: string;
}

export class UiRun {
	readonly results: CheckResult[] = [];
	screenshots = 0;

	constructor(
		readonly resultsDir = RESULTS_DIR,
		private readonly out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
	) {}

	/** Clears the results folder (screenshots of an earlier run must not be mistaken for this one's). */
	reset(): void {
		fs.rmSync(this.resultsDir, { recursive: true, force: true });
		fs.mkdirSync(this.resultsDir, { recursive: true });
	}

	context(suite: Suite, page: Page, env: SandboxEditor, browserLog: BrowserLog): SuiteContext {
		const dir = path.join(this.resultsDir, slug(suite.name));
		fs.mkdirSync(dir, { recursive: true });
		let step = 0;
		const shot = async (name: string, file?: string) => {
			const target = file ?? path.join(dir, `${String(++step).padStart(2, '0')}-${slug(name)}.png`);
			fs.mkdirSync(path.dirname(target), { recursive: true });
			await page.screenshot({ path: target });
			this.screenshots++;
			return target;
		};
		const check = async (name: string, fn: () => Promise<void>) => {
			const started = Date.now();
			try {
				await fn();
				this.record({ suite: suite.name, name, ok: true, ms: Date.now() - started });
				return true;
			} catch (error) {
				const message = (error as Error).message?.split('\n').slice(0, 6).join('\n') ?? String(error);
				await shot(`FAILED ${name}`).catch(() => undefined);
				this.record({ suite: suite.name, name, ok: false, ms: Date.now() - started, error: message });
				return false;
			}
		};
		return { page, editor: new Editor(page, env.n8n.baseUrl), env, resultsDir: dir, browserLog, check, shot };
	}

	/** A check that could not run at all (the editor did not start, the browser did not launch). */
	failSuite(suite: Suite, error: unknown): void {
		this.record({ suite: suite.name, name: 'suite setup', ok: false, ms: 0, error: (error as Error).message?.slice(0, 2000) ?? String(error) });
	}

	private record(result: CheckResult): void {
		this.results.push(result);
		const seconds = (result.ms / 1000).toFixed(1);
		this.out(`${result.ok ? 'ok  ' : 'FAIL'} [${result.suite}] ${result.name} (${seconds} s)${result.error ? `\n     ${result.error.replace(/\n/g, '\n     ')}` : ''}`);
	}

	get failed(): number {
		return this.results.filter((result) => !result.ok).length;
	}

	/** The last line of the run. */
	summary(): string {
		const passed = this.results.length - this.failed;
		return `ui checks=${this.results.length} passed=${passed} failed=${this.failed} screenshots=${this.screenshots}`;
	}
}

function slug(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9\u4e00-\u9fff]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 80);
}

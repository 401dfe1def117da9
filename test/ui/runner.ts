/**
 * Runs suites: one packed package for all of them; per suite a fresh sandbox + n8n (with the suite's
 * env) and a fresh headless Chromium signed in as the owner.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { packPackage } from '../../scripts/n8n/package';
import { startSandboxEditor, type SandboxEditor } from '../../scripts/sandboxEditor';
import { ensureChromium, launchBrowser, type Browser } from './browser';
import { BrowserLog } from './browserLog';
import type { Suite, UiRun } from './harness';

/** What a Ctrl+C or SIGTERM must still stop (n8n runs in its own process group). */
const running = new Set<() => Promise<void>>();
let signalsHooked = false;
function stopOnSignals(): void {
	if (signalsHooked) return;
	signalsHooked = true;
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			void Promise.allSettled([...running].map((stop) => stop())).then(() => process.exit(130));
		});
	}
}

export interface RunnerOptions {
	log: (line: string) => void;
}

export async function runSuites(run: UiRun, suites: Suite[], { log }: RunnerOptions): Promise<void> {
	let chromium: string;
	try {
		chromium = ensureChromium(log);
	} catch (error) {
		for (const suite of suites) run.failSuite(suite, error);
		return;
	}
	stopOnSignals();
	const tarball = packPackage({ log });
	try {
		for (const suite of suites) await runSuite(run, suite, chromium, tarball, log);
	} finally {
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
}

async function runSuite(run: UiRun, suite: Suite, chromium: string, tarball: string, log: (line: string) => void): Promise<void> {
	const started = Date.now();
	let env: SandboxEditor | undefined;
	let browser: Browser | undefined;
	const stop = async () => {
		await browser?.close();
		await env?.stop();
	};
	running.add(stop);
	try {
		log(`suite ${suite.name}: starting the sandbox and n8n${suite.n8nEnv ? ` with ${JSON.stringify(suite.n8nEnv)}` : ''}`);
		env = await startSandboxEditor({ tarball, env: suite.n8nEnv, workflows: suite.workflows, log });
		browser = await launchBrowser(chromium, { locale: suite.browserLocale });
		const browserLog = new BrowserLog(new URL(env.n8n.baseUrl).origin);
		browserLog.attach(browser.page);
		const ctx = run.context(suite, browser.page, env, browserLog);
		await ctx.editor.signIn(env.owner.email, env.owner.password);
		log(`suite ${suite.name}: editor ready after ${((Date.now() - started) / 1000).toFixed(0)} s`);
		await suite.run(ctx);
	} catch (error) {
		run.failSuite(suite, error);
	} finally {
		await stop();
		running.delete(stop);
		log(`suite ${suite.name}: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	}
}

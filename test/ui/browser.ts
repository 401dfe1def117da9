/**
 * Headless Chromium from Debian's `chromium` package, driven by playwright-core. Playwright never
 * downloads a browser here: it is always given `executablePath`.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.YUNKE_UI_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Without the background-networking flags Chromium keeps trying to reach Google's hosts, which the
 * closed network here refuses many times over; a fresh profile keeps runs independent.
 */
const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

export const VIEWPORT = { width: 1440, height: 900 };

const isRoot = () => process.getuid?.() === 0;

function aptInstall(packages: string[], log: (line: string) => void): void {
	log(`apt-get install ${packages.join(' ')} (a minute or two)`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'], env });
	execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
}

function hasChineseFont(): boolean {
	try {
		return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim() !== '';
	} catch {
		return false;
	}
}

/**
 * Chromium's path. Installs Debian's `chromium` when it is missing and we are root, else explains
 * what to do. Also makes sure a Chinese font is there (`fonts-noto-cjk`): the tenant's scripts and
 * sub-accounts have Chinese names, and without one the screenshots show empty boxes.
 */
export function ensureChromium(log: (line: string) => void): string {
	if (!fs.existsSync(CHROMIUM)) {
		if (!isRoot()) {
			throw new Error(`Chromium is not installed at ${CHROMIUM}. Install Debian's package first: sudo apt-get install -y chromium fonts-noto-cjk (or set YUNKE_UI_CHROMIUM to a Chromium binary).`);
		}
		aptInstall(['chromium', ...(hasChineseFont() ? [] : ['fonts-noto-cjk'])], log);
		if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get install chromium finished but ${CHROMIUM} is still missing`);
	}
	if (!hasChineseFont()) {
		if (isRoot()) aptInstall(['fonts-noto-cjk'], log);
		else log('no Chinese font installed: Chinese text in the screenshots shows as boxes (sudo apt-get install -y fonts-noto-cjk)');
	}
	return CHROMIUM;
}

export interface Browser {
	context: BrowserContext;
	page: Page;
	close(): Promise<void>;
}

/** A new headless Chromium with an empty profile and one page at the README screenshots' size. */
export async function launchBrowser(executablePath: string, options: { locale?: string } = {}): Promise<Browser> {
	// n8n's editor marks its elements with data-test-id (not Playwright's default data-testid).
	selectors.setTestIdAttribute('data-test-id');
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'yunke-ui-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: VIEWPORT,
		locale: options.locale ?? 'en-US',
		timezoneId: 'Asia/Shanghai',
	});
	// Generous: the machine may be loaded by other jobs (the first editor load fetches ~13 MB of scripts).
	context.setDefaultTimeout(30_000);
	context.setDefaultNavigationTimeout(120_000);
	const page = context.pages()[0] ?? (await context.newPage());
	return {
		context,
		page,
		async close() {
			await context.close().catch(() => undefined);
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}

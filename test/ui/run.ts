/**
 * `npm run test:ui`: the real n8n editor with this package, against the Yunke sandbox, in headless
 * Chromium. Prints one line per check; screenshots go to test/ui/results/<suite>/.
 *
 *   npm run test:ui                    every suite
 *   npm run test:ui -- --suite=editor  only the named suite(s)
 *
 * The last line is `ui checks=<n> passed=<n> failed=<n> screenshots=<n>`; the exit code is 1 when a
 * check failed.
 */
import { UiRun } from './harness';
import { runSuites } from './runner';
import { SUITES } from './suites';

async function main(): Promise<void> {
	const log = (line: string) => process.stderr.write(`[ui] ${line}\n`);
	const wanted = process.argv.filter((arg) => arg.startsWith('--suite=')).flatMap((arg) => arg.slice('--suite='.length).split(','));
	const suites = wanted.length ? SUITES.filter((suite) => wanted.includes(suite.name)) : SUITES;
	if (!suites.length) throw new Error(`no suite named ${wanted.join(', ')} (suites: ${SUITES.map((suite) => suite.name).join(', ')})`);
	const run = new UiRun();
	run.reset();
	await runSuites(run, suites, { log });
	log(`screenshots in ${run.resultsDir}`);
	process.stdout.write(`${run.summary()}\n`);
	process.exit(run.failed ? 1 : 0);
}

main().catch((error) => {
	process.stderr.write(`[ui] ${(error as Error).stack ?? error}\n`);
	process.stdout.write('ui checks=0 passed=0 failed=1 screenshots=0\n');
	process.exit(1);
});

/**
 * `npm run docs:screenshots`: regenerates the README images (docs/images/) with the same checks the
 * UI suite runs (test/ui/checks/readme.ts), in a fresh n8n with the examples imported.
 */
import { readmeChecks, README_IMAGES } from './checks/readme';
import { UiRun, type Suite } from './harness';
import { runSuites } from './runner';

const docsSuite: Suite = {
	name: 'docs',
	run: async (ctx) => await readmeChecks(ctx, { toDocs: true }),
};

async function main(): Promise<void> {
	const log = (line: string) => process.stderr.write(`[docs] ${line}\n`);
	const run = new UiRun();
	await runSuites(run, [docsSuite], { log });
	if (!run.failed) log(`wrote ${Object.values(README_IMAGES).join(', ')}`);
	process.stdout.write(`${run.summary()}\n`);
	process.exit(run.failed ? 1 : 0);
}

void main();

/** Browser health: nothing the browser reported during the suite came from the package (rule in browserLog.ts). */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { SuiteContext } from '../harness';
import { expect } from './assert';

export async function healthCheck(ctx: SuiteContext): Promise<void> {
	await ctx.check("Browser health: no console error or failed call comes from the package's code", async () => {
		fs.writeFileSync(path.join(ctx.resultsDir, 'browser-log.txt'), `${ctx.browserLog.dump()}\n`);
		const problems = ctx.browserLog.packageProblems();
		expect(problems.length === 0, `${problems.length} from the package:\n${problems.map((entry) => `${entry.kind} ${entry.text.slice(0, 300)} ${entry.url ?? ''}`).join('\n')}`);
	});
}

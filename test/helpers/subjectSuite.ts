import * as fs from 'fs';
import * as path from 'path';

/**
 * Runs every `*.test.ts` file of one subject folder, in name order, in one Jest module registry: each
 * file becomes a `describe` named after it, so its top-level hooks (the bed's beforeAll/afterAll) stay
 * its own. Loading n8n-core once per folder instead of once per file is most of `npm test`'s CPU.
 * A file run on its own by the default config (`npx jest <file>`) behaves exactly as before.
 */
export function runSubjectFolder(folder: string): void {
	const files = fs
		.readdirSync(folder)
		.filter((name) => name.endsWith('.test.ts'))
		.sort();
	for (const file of files) {
		describe(file, () => {
			require(path.join(folder, file));
		});
	}
}

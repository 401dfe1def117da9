import * as fs from 'fs';
import * as path from 'path';

/**
 * Runs every `*.test.ts` file of one subject folder, in name order, in one Jest module registry: each
 * file becomes a `describe` named after it, so its top-level hooks (the bed's beforeAll/afterAll) stay
 * its own. Loading n8n-core once per folder instead of once per file is most of `npm test`'s CPU.
 * A file run on its own by the default config (`npx jest <file>`) behaves exactly as before.
 * `files` splits a slow folder over two entries (Jest runs entries in parallel): one entry names the
 * files it runs (`only`), the other runs the rest (`except`).
 */
export function runSubjectFolder(folder: string, files: { only?: string[]; except?: string[] } = {}): void {
	const selected = fs
		.readdirSync(folder)
		.filter((name) => name.endsWith('.test.ts'))
		.filter((name) => (files.only ? files.only.includes(name) : !files.except?.includes(name)))
		.sort();
	for (const file of selected) {
		describe(file, () => {
			require(path.join(folder, file));
		});
	}
}

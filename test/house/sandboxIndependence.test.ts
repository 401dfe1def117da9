/**
 * The sandbox is a second, independent reader of the vendor pages: nothing under sandbox/ may load
 * the node's or the credential's code, at any relative depth, by import, re-export, dynamic import or
 * require, or through the package's own name.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE_NAME = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string }).name;
const FORBIDDEN = ['nodes', 'credentials'];

function sourceFiles(folder: string): string[] {
	return fs.readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
		const relative = path.join(folder, entry.name);
		if (entry.isDirectory()) return sourceFiles(relative);
		return /\.[cm]?[jt]s$/.test(entry.name) ? [relative] : [];
	});
}

/** Every module a file names: `from '…'`, `import '…'`, `import('…')`, `require('…')`. */
function moduleSpecifiers(text: string): string[] {
	const patterns = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
	return patterns
		.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => ({ at: match.index, specifier: match[1] })))
		.sort((a, b) => a.at - b.at)
		.map(({ specifier }) => specifier);
}

function forbiddenTarget(file: string, specifier: string): string | undefined {
	if (specifier === PACKAGE_NAME || specifier.startsWith(`${PACKAGE_NAME}/`)) return specifier;
	if (!specifier.startsWith('.')) return undefined;
	const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier));
	return FORBIDDEN.some((folder) => target === folder || target.startsWith(`${folder}${path.sep}`)) ? target : undefined;
}

describe('sandbox independence', () => {
	const files = sourceFiles('sandbox');

	it('no file under sandbox/ imports or requires anything from nodes/ or credentials/', () => {
		expect(files.length).toBeGreaterThan(20);
		const offending = files.flatMap((file) =>
			moduleSpecifiers(fs.readFileSync(path.join(ROOT, file), 'utf8')).flatMap((specifier) => {
				const target = forbiddenTarget(file, specifier);
				return target ? [`${file} → ${target}`] : [];
			}),
		);
		expect(offending).toEqual([]);
	});

	it('the check sees every form of loading a module, at any depth', () => {
		const sample = [
			"import { ENDPOINTS } from '../../nodes/Yunke/shared/contract';",
			"import type { Endpoint } from '../../nodes/Yunke/shared/contract/endpoints';",
			"export * from '../../credentials/YunkeApi.credentials';",
			"const errors = require('../../nodes/Yunke/shared/errorCatalogue');",
			"const later = await import('../../nodes/Yunke/shared/session');",
			"import '../../nodes/Yunke/shared/sideEffect';",
			"import { path } from '../vendor';",
		].join('\n');
		const file = path.join('sandbox', 'areas', 'x.ts');
		const found = moduleSpecifiers(sample).map((specifier) => forbiddenTarget(file, specifier));
		expect(found).toEqual([
			path.join('nodes', 'Yunke', 'shared', 'contract'),
			path.join('nodes', 'Yunke', 'shared', 'contract', 'endpoints'),
			path.join('credentials', 'YunkeApi.credentials'),
			path.join('nodes', 'Yunke', 'shared', 'errorCatalogue'),
			path.join('nodes', 'Yunke', 'shared', 'session'),
			path.join('nodes', 'Yunke', 'shared', 'sideEffect'),
			undefined,
		]);
		// one level up from sandbox/ itself, and the package's own name
		expect(forbiddenTarget(path.join('sandbox', 'x.ts'), '../nodes/Yunke/shared/errorCatalogue')).toBe(path.join('nodes', 'Yunke', 'shared', 'errorCatalogue'));
		expect(forbiddenTarget(path.join('sandbox', 'x.ts'), `${PACKAGE_NAME}/dist/nodes/Yunke/Yunke.node`)).toBe(`${PACKAGE_NAME}/dist/nodes/Yunke/Yunke.node`);
	});
});

/**
 * The layout rules, kept true: small node files, and a trigger that does not depend on one
 * version of the Yunke node (a v2 must not break it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const MAX_LINES = 250;

function sourceFiles(folder: string): string[] {
	const entries = fs.readdirSync(path.join(ROOT, folder), { withFileTypes: true });
	return entries.flatMap((entry) => {
		const relative = path.join(folder, entry.name);
		if (entry.isDirectory()) return sourceFiles(relative);
		return entry.name.endsWith('.ts') ? [relative] : [];
	});
}

function importsOf(file: string): string[] {
	const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
	return [...text.matchAll(/from\s+'([^']+)'/g)].map((match) => match[1]);
}

describe('source layout', () => {
	it(`no file under nodes/ or credentials/ is longer than ${MAX_LINES} lines`, () => {
		const long = [...sourceFiles('nodes'), ...sourceFiles('credentials')]
			.map((file) => ({ file, lines: fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n').length }))
			.filter(({ lines }) => lines > MAX_LINES);
		expect(long).toEqual([]);
	});

	it('nothing in nodes/YunkeTrigger/ imports from nodes/Yunke/v1/', () => {
		const offending = sourceFiles('nodes/YunkeTrigger').flatMap((file) =>
			importsOf(file)
				.filter((spec) => spec.startsWith('.'))
				.map((spec) => path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec)))
				.filter((target) => target.startsWith(path.join('nodes', 'Yunke', 'v1')))
				.map((target) => `${file} → ${target}`),
		);
		expect(offending).toEqual([]);
	});

	it('the transport, the list searches and the callback-URL rule live outside v1', () => {
		expect(fs.existsSync(path.join(ROOT, 'nodes/Yunke/transport/index.ts'))).toBe(true);
		expect(fs.existsSync(path.join(ROOT, 'nodes/Yunke/methods/listSearch.ts'))).toBe(true);
		expect(fs.existsSync(path.join(ROOT, 'nodes/Yunke/v1/transport'))).toBe(false);
	});
});

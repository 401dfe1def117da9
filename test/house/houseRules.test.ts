/**
 * House rules of the import, the transport and the reconcile hooks, kept true: the import in a few stage
 * files that do not call back and forth, no forged vendor answers, one "look until it shows" loop.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const IMPORT = 'nodes/Yunke/v1/actions/task/import';

function sourceFiles(folder: string): string[] {
	return fs.readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
		const relative = path.join(folder, entry.name);
		if (entry.isDirectory()) return sourceFiles(relative);
		return entry.name.endsWith('.ts') ? [relative] : [];
	});
}

const text = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

function linesMatching(files: string[], pattern: RegExp): string[] {
	return files.flatMap((file) =>
		text(file)
			.split('\n')
			.flatMap((line, index) => (pattern.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
	);
}

describe('house rules', () => {
	it('the import is at most 8 stage files', () => {
		expect(sourceFiles(IMPORT).length).toBeLessThanOrEqual(8);
	});

	it('no two import stages call each other (value imports among them form no cycle)', () => {
		const stages = sourceFiles(IMPORT).map((file) => path.basename(file, '.ts'));
		const calls = new Map(
			stages.map((stage) => {
				const imports = [...text(`${IMPORT}/${stage}.ts`).matchAll(/^import (?!type )[^;]*? from '\.\/([^']+)'/gm)].map((match) => match[1]);
				return [stage, imports];
			}),
		);
		const cycles: string[] = [];
		const visit = (stage: string, trail: string[]) => {
			if (trail.includes(stage)) return void cycles.push([...trail.slice(trail.indexOf(stage)), stage].join(' → '));
			for (const next of calls.get(stage) ?? []) visit(next, [...trail, stage]);
		};
		stages.forEach((stage) => visit(stage, []));
		expect(cycles).toEqual([]);
	});

	it('no code outside the envelope rules (nodes/Yunke/shared/) writes a vendor success answer', () => {
		const files = [...sourceFiles('nodes'), ...sourceFiles('credentials')].filter((file) => !file.startsWith(path.join('nodes', 'Yunke', 'shared')));
		expect(linesMatching(files, /\b(code|rst)\s*:\s*['"]?(0|200)\b/)).toEqual([]);
	});

	it('nothing in the node version or its pickers waits on its own: every "look until it shows" is transport/poll.ts', () => {
		const files = [...sourceFiles('nodes/Yunke/v1'), ...sourceFiles('nodes/Yunke/methods')];
		expect(linesMatching(files, /\bsleep\(|setTimeout\(|setInterval\(/)).toEqual([]);
	});
});

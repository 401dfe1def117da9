/**
 * The README is for users: short, the two quick-start commands first, every docs page reachable
 * from it, and a Troubleshooting table whose errors are ones the node really shows.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { TASK_CREATION_ERRORS, VENDOR_ERRORS } from '../../nodes/Yunke/shared/errorCatalogue';

const ROOT = path.join(__dirname, '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

function sourceText(folder: string): string {
	return fs
		.readdirSync(path.join(ROOT, folder), { withFileTypes: true })
		.map((entry) => {
			const relative = path.join(folder, entry.name);
			if (entry.isDirectory()) return sourceText(relative);
			return entry.name.endsWith('.ts') ? fs.readFileSync(path.join(ROOT, relative), 'utf8') : '';
		})
		.join('\n');
}

/** Local Markdown pages a page links to, as paths from the repository root. */
function linkedPages(page: string): string[] {
	const text = fs.readFileSync(path.join(ROOT, page), 'utf8');
	return [...text.matchAll(/\]\(([^)#\s]+\.md)(?:#[^)]*)?\)/g)]
		.map((match) => path.posix.normalize(path.posix.join(path.posix.dirname(page), match[1])))
		.filter((target) => fs.existsSync(path.join(ROOT, target)));
}

/** The first cell of each row of the table under `## Troubleshooting`. */
function troubleshootingErrors(): string[] {
	const section = README.split(/^## /m).find((part) => part.startsWith('Troubleshooting\n')) ?? '';
	return section
		.split('\n')
		.filter((line) => line.startsWith('| ') && !line.startsWith('| Error |'))
		.flatMap((line) => line.split(' | ')[0].slice(2).split(' / '));
}

describe('README for users', () => {
	test('is at most 150 lines and opens with the two quick-start commands', () => {
		expect(README.trimEnd().split('\n').length).toBeLessThanOrEqual(150);
		const [title, ...rest] = README.split('\n');
		expect(title).toBe('# n8n-nodes-yunke');
		const opening = rest.join('\n').trimStart();
		const firstBlock = /^```bash\n([\s\S]*?)```/.exec(opening)?.[1] ?? '';
		expect(firstBlock.split('\n').filter(Boolean).map((line) => line.split('#')[0].trim())).toEqual(['npm ci && npm run demo', 'npm ci && npm test']);
	});

	test('every page under docs/ can be reached from the README', () => {
		const reached = new Set<string>();
		const queue = ['README.md'];
		while (queue.length) {
			const page = queue.shift() as string;
			if (reached.has(page)) continue;
			reached.add(page);
			queue.push(...linkedPages(page));
		}
		const pages = fs.readdirSync(path.join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`);
		expect(pages.filter((page) => !reached.has(page))).toEqual([]);
	});

	test('each error in Troubleshooting is a message the node shows', () => {
		const errors = troubleshootingErrors();
		expect(errors.length).toBeGreaterThanOrEqual(10);
		const source = sourceText('nodes') + sourceText('credentials');
		const catalogue = [...Object.values(VENDOR_ERRORS), ...Object.values(TASK_CREATION_ERRORS)].map((entry) => entry.message);
		const unknown = errors.filter((error) => {
			const coded = /^(.*) \((?:Yunke code (\d+)|code (\d+): …)\)$/.exec(error);
			if (coded) return VENDOR_ERRORS[Number(coded[2] ?? coded[3])]?.message !== coded[1];
			if (catalogue.includes(error)) return false;
			const pieces = error.split('…').map((piece) => piece.trim()).filter(Boolean);
			return pieces.some((piece) => !source.includes(piece));
		});
		expect(unknown).toEqual([]);
	});
});

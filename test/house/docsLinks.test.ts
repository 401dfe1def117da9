/**
 * Every local link in README.md and docs/**\/*.md resolves: the file or folder exists, and a
 * `#anchor` matches a heading of the target page (GitHub's heading ids). The nodes' codex
 * documentation URLs point into this repository too, so they are checked the same way.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const REPOSITORY_URL = 'https://github.com/n8n-nodes-yunke/n8n-nodes-yunke';
const CODEX_FILES = ['nodes/Yunke/Yunke.node.json', 'nodes/YunkeTrigger/YunkeTrigger.node.json'];

interface Link {
	from: string;
	line: number;
	target: string;
}

function markdownFiles(): string[] {
	const docs = (folder: string): string[] =>
		fs.readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
			const relative = path.posix.join(folder, entry.name);
			if (entry.isDirectory()) return docs(relative);
			return entry.name.endsWith('.md') ? [relative] : [];
		});
	return ['README.md', ...docs('docs')];
}

/** The page's lines outside fenced code blocks, with inline code spans blanked out. */
function proseLines(text: string): string[] {
	let fenced = false;
	return text.split('\n').map((line) => {
		if (/^\s*(```|~~~)/.test(line)) {
			fenced = !fenced;
			return '';
		}
		return fenced ? '' : line.replace(/`[^`]*`/g, '``');
	});
}

function linksOf(file: string): Link[] {
	const lines = proseLines(fs.readFileSync(path.join(ROOT, file), 'utf8'));
	return lines.flatMap((line, index) => {
		const inline = [...line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]);
		const reference = [...line.matchAll(/^\s*\[[^\]]+\]:\s+<?(\S+?)>?(?:\s|$)/g)].map((match) => match[1]);
		const html = [...line.matchAll(/<(?:a|img)\s[^>]*(?:href|src)="([^"]+)"/g)].map((match) => match[1]);
		return [...inline, ...reference, ...html].map((target) => ({ from: file, line: index + 1, target }));
	});
}

/** GitHub's id for a heading: inline markup dropped, lower case, punctuation removed, spaces to dashes. */
function slugOf(heading: string): string {
	return heading
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/[`*_~]/g, '')
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
		.replace(/ /g, '-');
}

function anchorsOf(file: string): Set<string> {
	const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	let fenced = false;
	for (const line of text.split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		const heading = fenced ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
		if (heading) {
			const slug = slugOf(heading[1]);
			const count = seen.get(slug) ?? 0;
			seen.set(slug, count + 1);
			anchors.add(count ? `${slug}-${count}` : slug);
		}
		for (const match of line.matchAll(/<a\s[^>]*(?:id|name)="([^"]+)"/g)) anchors.add(match[1]);
	}
	return anchors;
}

/** Why a link does not resolve, or undefined when it does. External links are not fetched. */
function problemWith(link: Link): string | undefined {
	if (/^[a-z][a-z0-9+.-]*:/i.test(link.target)) return undefined;
	const [rawPath, anchor] = link.target.split('#', 2);
	const target = rawPath ? path.posix.normalize(path.posix.join(path.posix.dirname(link.from), decodeURI(rawPath))) : link.from;
	if (target.startsWith('..')) return `${target} is outside the repository`;
	if (!fs.existsSync(path.join(ROOT, target))) return `${target} does not exist`;
	if (anchor === undefined) return undefined;
	if (!target.endsWith('.md')) return `#${anchor} points into ${target}, which is not a Markdown page`;
	return anchorsOf(target).has(decodeURIComponent(anchor).toLowerCase()) ? undefined : `${target} has no heading #${anchor}`;
}

/**
 * A codex URL into this repository as a local link: `…#readme` is the README (GitHub's own anchor
 * for it), `…#anchor` a heading of the README, `…/blob/<ref>/<path>` a file.
 */
function codexLinks(): Link[] {
	return CODEX_FILES.flatMap((file) => {
		const resources = (JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as { resources: Record<string, Array<{ url: string }>> }).resources;
		return Object.values(resources).flatMap((entries) =>
			entries.map(({ url }) => {
				const blob = new RegExp(`^${REPOSITORY_URL}/(?:blob|tree)/[^/]+/(.+)$`).exec(url);
				const anchor = url.startsWith(`${REPOSITORY_URL}#`) ? url.slice(REPOSITORY_URL.length) : undefined;
				const readme = anchor === '#readme' ? 'README.md' : anchor && `README.md${anchor}`;
				const inRepository = blob ? blob[1] : readme;
				const target = inRepository ? path.posix.relative(path.posix.dirname(file), inRepository.split('#')[0]) + (inRepository.match(/#.*/)?.[0] ?? '') : url;
				return { from: file, line: 0, target };
			}),
		);
	});
}

function describeFailures(links: Link[]): string[] {
	return links.flatMap((link) => {
		const problem = problemWith(link);
		return problem ? [`${link.from}:${link.line} (${link.target}): ${problem}`] : [];
	});
}

describe('documentation links', () => {
	test('the README and the docs pages have local links to check', () => {
		const links = markdownFiles().flatMap(linksOf);
		expect(links.filter((link) => link.from === 'README.md' && !link.target.includes(':')).length).toBeGreaterThan(10);
		expect(links.some((link) => link.target.includes('#'))).toBe(true);
	});

	test('every local link and anchor in README.md and docs/ resolves', () => {
		expect(describeFailures(markdownFiles().flatMap(linksOf))).toEqual([]);
	});

	test("the nodes' codex documentation URLs point at pages and headings that exist", () => {
		const links = codexLinks();
		expect(links.every((link) => link.target !== '' && !/^https?:/.test(link.target) && link.from.endsWith('.node.json'))).toBe(true);
		expect(describeFailures(links)).toEqual([]);
	});

	test('a link to a missing page or heading is reported', () => {
		// built from pieces so that the check for named files that exist (selfContained.test.ts) passes it by
		const missingPage = ['docs/no-such-page', 'md'].join('.');
		const broken: Link[] = [
			{ from: 'README.md', line: 1, target: missingPage },
			{ from: 'README.md', line: 2, target: '#no-such-heading' },
			{ from: 'docs/usage.md', line: 3, target: '../README.md#operations' },
		];
		expect(describeFailures(broken)).toEqual([
			`README.md:1 (${missingPage}): ${missingPage} does not exist`,
			'README.md:2 (#no-such-heading): README.md has no heading #no-such-heading',
		]);
	});
});

/**
 * docs/vendor-conformance.md keeps the two readings of the vendor pages side by side: the node's
 * (nodes/Yunke/shared/contract) and the sandbox's own (sandbox/vendor, sandbox/readings.ts). This test
 * keeps the table complete and true, and fails where the two readings name different paths.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ENDPOINTS } from '../../nodes/Yunke/shared/contract';
import { AREA_ROUTES } from '../../sandbox/areas';
import { READINGS } from '../../sandbox/readings';
import { VENDOR_PATHS } from '../../sandbox/vendor';
import { codeSpans, tableUnder } from '../helpers/markdownTables';
import { testTitlePaths } from '../helpers/testTitles';

const ROOT = path.resolve(__dirname, '..', '..');
const DOC = fs.readFileSync(path.join(ROOT, 'docs', 'vendor-conformance.md'), 'utf8');
const endpointRows = tableUnder(DOC, 'Endpoints');
const readingRows = tableUnder(DOC, 'Readings');

/** `file` › title, or `file` › describe › … › title, one per `<br>`-separated line of a tests cell. */
function namedTests(cell: string): Array<{ file: string; titles: string[]; text: string }> {
	return cell
		.split('<br>')
		.map((text) => text.trim())
		.filter((text) => text !== '' && text !== '—')
		.map((text) => {
			const match = /^`([^`]+)`\s*›\s*(.+)$/.exec(text);
			return match ? { file: match[1], titles: match[2].split(' › ').map((title) => title.trim()), text } : { file: '', titles: [], text };
		});
}

const titleCache = new Map<string, string[][]>();
function titlesOf(file: string): string[][] | undefined {
	if (!titleCache.has(file)) {
		const full = path.join(ROOT, file);
		if (!fs.existsSync(full)) return undefined;
		titleCache.set(file, testTitlePaths(fs.readFileSync(full, 'utf8')));
	}
	return titleCache.get(file);
}

/** Why a named test cannot be found, or undefined when the file holds a test of that (trailing) title path. */
function missing(test: { file: string; titles: string[]; text: string }): string | undefined {
	if (!test.file) return `"${test.text}" is not written \`file\` › test title`;
	const paths = titlesOf(test.file);
	if (!paths) return `${test.file} does not exist`;
	const found = paths.some((full) => full.length >= test.titles.length && test.titles.every((title, index) => full[full.length - test.titles.length + index] === title));
	return found ? undefined : `${test.file} has no test "${test.titles.join(' › ')}"`;
}

describe('docs/vendor-conformance.md', () => {
	it('has a row for every endpoint the node calls (its endpoint table)', () => {
		const named = new Set(endpointRows.flatMap((row) => codeSpans(row.node)));
		expect(Object.keys(ENDPOINTS).filter((key) => !named.has(key))).toEqual([]);
	});

	it('has a row for every path the sandbox serves', () => {
		const rowPaths = new Set(endpointRows.flatMap((row) => codeSpans(row.path)));
		const served = ['/api/login', ...Object.keys(AREA_ROUTES)];
		expect(served.filter((served) => !rowPaths.has(served))).toEqual([]);
	});

	it('has a row for every reading in sandbox/readings.ts, with its section, default and alternatives', () => {
		const problems = Object.entries(READINGS).flatMap(([name, definition]) => {
			const row = readingRows.find((entry) => codeSpans(entry.reading).includes(name));
			if (!row) return [`${name}: no row`];
			const others = Object.keys(definition.alternatives).filter((value) => value !== definition.default);
			return [
				row.section === definition.vendorSection ? [] : [`${name}: section ${row.section}, sandbox/readings.ts says ${definition.vendorSection}`],
				codeSpans(row.default)[0] === definition.default ? [] : [`${name}: default cell does not start with \`${definition.default}\``],
				others.filter((value) => !codeSpans(row['other readings']).includes(value)).map((value) => `${name}: other readings cell lacks \`${value}\``),
			].flat();
		});
		expect(problems).toEqual([]);
	});

	it('names only tests that exist, and at least one for every endpoint the sandbox serves and every reading', () => {
		const rows = [...endpointRows.map((row) => ({ key: `${row.section} ${row.path}`, row })), ...readingRows.map((row) => ({ key: row.reading, row }))];
		const problems = rows.flatMap(({ key, row }) => {
			const tests = namedTests(row.tests);
			const served = codeSpans(row.path ?? '').some((rowPath) => rowPath === '/api/login' || rowPath in AREA_ROUTES);
			const none = tests.length === 0 && (served || row.reading) ? [`${key}: names no test`] : [];
			return [...none, ...tests.flatMap((test) => missing(test) ?? []).map((problem) => `${key}: ${problem}`)];
		});
		expect(problems).toEqual([]);
	});

	it('each endpoint row gives the path the sandbox reads for its vendor section', () => {
		const problems = endpointRows.flatMap((row) => {
			const sandbox = VENDOR_PATHS[row.section as keyof typeof VENDOR_PATHS];
			if (!sandbox) return [`${row.section}: not a section of sandbox/vendor/paths.ts`];
			return codeSpans(row.path)[0] === sandbox.path ? [] : [`${row.section}: row says ${row.path}, the sandbox reads ${sandbox.path}`];
		});
		expect(problems).toEqual([]);
	});

	it('the node and the sandbox name the same path for every vendor section the node calls', () => {
		const disagreements = endpointRows.flatMap((row) => {
			const sandbox = VENDOR_PATHS[row.section as keyof typeof VENDOR_PATHS];
			return codeSpans(row.node)
				.filter((key) => key in ENDPOINTS && sandbox && ENDPOINTS[key as keyof typeof ENDPOINTS] !== sandbox.path)
				.map((key) => `${row.section}: the node sends ${key} to ${ENDPOINTS[key as keyof typeof ENDPOINTS]}, the sandbox reads the vendor page as ${sandbox.path}`);
		});
		expect(disagreements).toEqual([]);
	});
});

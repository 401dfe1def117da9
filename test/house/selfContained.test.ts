/**
 * The repository explains itself: no comment or page cites a document that is not in it (the vendor
 * facts are in docs/vendor-facts.md and are cited by vendor section number, e.g. 5.7.2), an issue
 * number, or a file path that no longer exists.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const SCANNED = ['nodes/', 'credentials/', 'sandbox/', 'scripts/', 'bench/', 'test/', 'docs/', 'README.md'];
const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
	.split('\n')
	.filter(Boolean);
const scanned = tracked.filter((file) => SCANNED.some((prefix) => file.startsWith(prefix)) && /\.(ts|js|md|json)$/.test(file));

// built from pieces so that this file does not match itself
const FORBIDDEN: Array<[string, RegExp]> = [
	['the vendor notes outside the repository', new RegExp(['yunke', 'api\\.md'].join('-'))],
	['a section of a document outside the repository', new RegExp('\\u00a7\\s?\\d')],
	['an issue number', new RegExp(['\\bissues?', '\\s+(#?\\d|"[^"]+"\\s+\\u00a7)'].join(''), 'i')],
	['a task brief', new RegExp(['\\bthe', 'brief\\b'].join(' '), 'i')],
];

/** Repository paths named in the text, as `nodes/…`, `v1/…`, `docs/…` or a bare `*.md` name. */
function namedPaths(text: string): string[] {
	const paths = text.match(/(?<![\w./:@$*{<-])(?:(?:nodes|credentials|sandbox|scripts|bench|test|docs|v1|transport|shared)\/[\w./-]*\w\.(?:ts|md)|[\w-]+\.md)\b/g) ?? [];
	return [...new Set(paths)];
}

const exists = (named: string) => tracked.some((file) => file === named || file.endsWith(`/${named}`));

describe('a self-contained repository', () => {
	it('cites no document outside it, no issue number and no task brief', () => {
		const offenders: string[] = [];
		for (const file of scanned) {
			readFileSync(join(root, file), 'utf8')
				.split('\n')
				.forEach((line, index) => {
					for (const [what, pattern] of FORBIDDEN) {
						if (!pattern.test(line)) continue;
						offenders.push(`${file}:${index + 1} names ${what}: ${line.trim().slice(0, 120)}`);
					}
				});
		}
		expect(offenders).toEqual([]);
	});

	it('names only files that exist', () => {
		const missing = scanned.flatMap((file) =>
			namedPaths(readFileSync(join(root, file), 'utf8'))
				.filter((named) => !exists(named))
				.map((named) => `${file} names ${named}`),
		);
		expect(missing).toEqual([]);
	});

	it('finds each kind of reference it forbids', () => {
		const samples = [`see ${['yunke', 'api'].join('-')}.md`, 'the contract (\u00a78)', `as in ${['issue', '10'].join(' ')}`, `per ${['the', 'brief'].join(' ')}`];
		expect(samples.map((sample) => FORBIDDEN.filter(([, pattern]) => pattern.test(sample)).length)).toEqual([1, 1, 1, 1]);
		const gone = ['nodes/Yunke/v1', 'transport/errors.ts'].join('/');
		expect(namedPaths(`gone: ${gone}, still: nodes/Yunke/transport/errors.ts`).filter((named) => !exists(named))).toEqual([gone]);
	});
});

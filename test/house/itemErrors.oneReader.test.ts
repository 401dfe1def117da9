/**
 * One place decides Continue On Fail (itemErrors.ts) and one reads `data` out of a vendor answer
 * (transport/dataOf.ts): no operation, batch or import stage does either by hand.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

function sourceFiles(folder: string): string[] {
	return fs.readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
		const relative = path.posix.join(folder, entry.name);
		if (entry.isDirectory()) return sourceFiles(relative);
		return entry.name.endsWith('.ts') ? [relative] : [];
	});
}

function linesMatching(pattern: RegExp): string[] {
	return [...sourceFiles('nodes'), ...sourceFiles('credentials')].flatMap((file) =>
		fs
			.readFileSync(path.join(ROOT, file), 'utf8')
			.split('\n')
			.flatMap((line, index) => (pattern.test(line) ? [`${file}:${index + 1}`] : [])),
	);
}

const CONTINUE_ON_FAIL = /\.continueOnFail\(\)/;
/** `(answer.data ?? {})` or `answer.data && typeof answer.data === 'object'`: `data` unwrapped by hand. */
const DATA_BY_HAND = /\b\w+\.data\s*(\?\?\s*\{\}|&&\s*typeof\b)/;

describe('one reader each', () => {
	it('only itemErrors.ts asks n8n whether to continue on fail', () => {
		expect(linesMatching(CONTINUE_ON_FAIL).map((place) => place.split(':')[0])).toEqual(['nodes/Yunke/v1/actions/itemErrors.ts']);
	});

	it('only dataOf reads `data` out of a vendor answer', () => {
		expect(linesMatching(DATA_BY_HAND)).toEqual([]);
	});

	it('the patterns find the hand-written forms', () => {
		expect(CONTINUE_ON_FAIL.test('if (!this.continueOnFail()) throw error;')).toBe(true);
		expect(DATA_BY_HAND.test('const data = (answer.data ?? {}) as IDataObject;')).toBe(true);
		expect(DATA_BY_HAND.test("return (envelope.data && typeof envelope.data === 'object' ? envelope.data : {}) as IDataObject;")).toBe(true);
		expect(DATA_BY_HAND.test('const data = dataOf(answer);')).toBe(false);
	});
});

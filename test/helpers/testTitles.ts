/**
 * The titles of a Jest file's tests, read from its text (nothing is run): each `it('…')` / `test('…')`
 * with the titles of the `describe('…')` blocks around it, outermost first. Titles written as template
 * literals with `${…}` are left out (their text is known only when the file runs).
 */
export function testTitlePaths(source: string): string[][] {
	const calls = findCalls(source);
	return calls
		.filter((call) => call.kind !== 'describe')
		.map((test) => [
			...calls.filter((outer) => outer.kind === 'describe' && outer.start < test.start && outer.end > test.start).map((outer) => outer.title),
			test.title,
		]);
}

interface Call {
	kind: 'describe' | 'it' | 'test';
	title: string;
	start: number;
	end: number;
}

const CALL = /\b(describe|it|test)(?:\.(?:each|only|skip|concurrent))?\(\s*(['"`])/g;

function findCalls(source: string): Call[] {
	const code = blankCommentsAndStrings(source);
	const calls: Call[] = [];
	for (const match of source.matchAll(CALL)) {
		const start = match.index;
		const quoteAt = start + match[0].length - 1;
		const title = readString(source, quoteAt);
		if (title === undefined) continue;
		const open = source.indexOf('(', start);
		calls.push({ kind: match[1] as Call['kind'], title, start, end: closingParen(code, open) });
	}
	return calls;
}

/** The text of the string literal opening at `quoteAt`, unescaped; undefined for a template with `${`. */
function readString(source: string, quoteAt: number): string | undefined {
	const quote = source[quoteAt];
	let text = '';
	for (let index = quoteAt + 1; index < source.length; index++) {
		const char = source[index];
		if (char === '\\') {
			text += source[++index];
			continue;
		}
		if (char === quote) return text;
		if (quote === '`' && char === '$' && source[index + 1] === '{') return undefined;
		text += char;
	}
	return undefined;
}

/** The same text with comments and the insides of string literals replaced by spaces (brackets in them do not count). */
function blankCommentsAndStrings(source: string): string {
	const out = source.split('');
	let index = 0;
	const blank = (from: number, to: number) => {
		for (let at = from; at < to; at++) if (out[at] !== '\n') out[at] = ' ';
	};
	while (index < source.length) {
		const char = source[index];
		if (char === '/' && source[index + 1] === '/') {
			const end = source.indexOf('\n', index);
			const stop = end === -1 ? source.length : end;
			blank(index, stop);
			index = stop;
		} else if (char === '/' && source[index + 1] === '*') {
			const stop = source.indexOf('*/', index + 2) + 2;
			blank(index, stop);
			index = stop;
		} else if (char === "'" || char === '"' || char === '`') {
			let at = index + 1;
			while (at < source.length && source[at] !== char) at += source[at] === '\\' ? 2 : 1;
			blank(index + 1, at);
			index = at + 1;
		} else index++;
	}
	return out.join('');
}

function closingParen(code: string, open: number): number {
	let depth = 0;
	for (let index = open; index < code.length; index++) {
		if (code[index] === '(') depth++;
		else if (code[index] === ')' && --depth === 0) return index;
	}
	return code.length;
}

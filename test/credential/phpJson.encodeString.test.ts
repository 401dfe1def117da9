import { phpJsonEncode } from '../../nodes/Yunke/shared/phpJson';

/** The character-by-character encoder phpJsonEncode used before it was made fast enough for 30,000-row imports. */
function referenceString(text: string): string {
	const short: Record<string, string> = { '"': '\\"', '\\': '\\\\', '/': '\\/', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
	let out = '"';
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		const unit = text.charCodeAt(index);
		if (short[char] !== undefined) out += short[char];
		else if (unit < 0x20 || unit > 0x7f) out += `\\u${unit.toString(16).padStart(4, '0')}`;
		else out += char;
	}
	return `${out}"`;
}

describe('phpJsonEncode strings (PHP json_encode default flags)', () => {
	it.each([
		['http://x/api/crm', '"http:\\/\\/x\\/api\\/crm"'],
		['张三', '"\\u5f20\\u4e09"'],
		['a"b\\c', '"a\\"b\\\\c"'],
		['\u0001\u001f\u007f', '"\\u0001\\u001f\u007f"'],
		['😀', '"\\ud83d\\ude00"'],
	])('%j → %s', (text, expected) => {
		expect(phpJsonEncode(text)).toBe(expected);
	});

	it('writes every UTF-16 unit exactly as the character-by-character reference does', () => {
		const units: number[] = [];
		for (let unit = 0; unit <= 0xffff; unit += unit < 0x300 ? 1 : 97) units.push(unit);
		units.push(0xd800, 0xdbff, 0xdc00, 0xdfff, 0x2028, 0x2029, 0xfeff, 0xffff);
		const text = String.fromCharCode(...units);
		expect(phpJsonEncode(text)).toBe(referenceString(text));
		expect(phpJsonEncode({ [text]: [text, 1, null] })).toBe(`{${referenceString(text)}:[${referenceString(text)},1,null]}`);
	});
});

/**
 * JSON text exactly as PHP's `json_encode($value)` (default flags) writes it, because Yunke recomputes
 * the `url` signature server-side from that text: no spaces, `/` as `\/`, every non-ASCII UTF-16 unit
 * as a lowercase `\uXXXX`, object keys in insertion order.
 */
export function phpJsonEncode(value: unknown): string {
	if (value === null || value === undefined) return 'null';
	if (typeof value === 'string') return encodeString(value);
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (Array.isArray(value)) return `[${value.map(phpJsonEncode).join(',')}]`;
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).filter(
			([, entry]) => entry !== undefined,
		);
		return `{${entries.map(([key, entry]) => `${encodeString(key)}:${phpJsonEncode(entry)}`).join(',')}}`;
	}
	return encodeString(String(value));
}

const SHORT_ESCAPES: Record<string, string> = {
	'"': '\\"',
	'\\': '\\\\',
	'/': '\\/',
	'\b': '\\b',
	'\f': '\\f',
	'\n': '\\n',
	'\r': '\\r',
	'\t': '\\t',
};

function encodeString(text: string): string {
	let out = '"';
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		const unit = text.charCodeAt(index);
		if (SHORT_ESCAPES[char] !== undefined) out += SHORT_ESCAPES[char];
		else if (unit < 0x20 || unit > 0x7f) out += `\\u${unit.toString(16).padStart(4, '0')}`;
		else out += char;
	}
	return `${out}"`;
}

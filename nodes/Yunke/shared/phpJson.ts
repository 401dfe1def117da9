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

/**
 * JSON.stringify already writes quotes, backslashes and control characters as PHP does (short
 * escapes, lowercase `\u00XX`, lone surrogates as `\udXXX`); PHP additionally escapes `/` and every
 * UTF-16 unit above 0x7f. One regular-expression pass keeps multi-megabyte import payloads cheap to sign.
 */
function encodeString(text: string): string {
	return JSON.stringify(text).replace(/[/\u0080-\uffff]/g, escapePhpOnly);
}

function escapePhpOnly(char: string): string {
	return char === '/' ? '\\/' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

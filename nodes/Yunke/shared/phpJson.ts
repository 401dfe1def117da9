/**
 * JSON text exactly as PHP's `json_encode($value)` (default flags) writes it, because Yunke recomputes
 * the `url` signature server-side from that text, after `json_decode($body, true)`: no spaces, `/` as
 * `\/`, every non-ASCII UTF-16 unit as a lowercase `\uXXXX`, object keys in insertion order. A decoded
 * object is a PHP array: an empty one, or one keyed "0", "1", … in order, encodes as a JSON list.
 */
export function phpJsonEncode(value: unknown): string {
	const parts: string[] = [];
	writePhpJson(value, (part) => parts.push(part));
	return parts.join('');
}

/**
 * A text value given as pieces (a 30,000-row `client_info_json`): it is signed and sent piece by piece,
 * so that no request holds its whole text, or the JSON body around it, as one string.
 */
export class PiecewiseText {
	constructor(readonly pieces: readonly string[]) {}

	text(): string {
		return this.pieces.join('');
	}
}

/**
 * A JSON value given as pieces of its text, already written as `phpJsonEncode` writes it (a nested
 * 30,000-row `client_info_json`): sent and signed piece by piece, as it stands.
 */
export class PiecewiseJson {
	constructor(readonly pieces: readonly string[]) {}

	text(): string {
		return this.pieces.join('');
	}
}

/** Longer strings are written in slices, so that signing a 30,000-row import never copies it whole. */
const SLICE = 64 * 1024;

/** The same text as `phpJsonEncode`, handed out in pieces (for hashing without building it). */
export function writePhpJson(value: unknown, emit: (part: string) => void): void {
	if (value === null || value === undefined) return emit('null');
	if (typeof value === 'string') return writeString(value, emit);
	if (value instanceof PiecewiseText) {
		emit('"');
		for (const piece of value.pieces) writeString(piece, (part) => emit(part.slice(1, -1)));
		return emit('"');
	}
	if (value instanceof PiecewiseJson) {
		for (const piece of value.pieces) emit(piece);
		return;
	}
	if (typeof value === 'number') return emit(Number.isFinite(value) ? String(value) : '0');
	if (typeof value === 'boolean') return emit(value ? 'true' : 'false');
	if (Array.isArray(value)) {
		emit('[');
		value.forEach((entry, index) => {
			if (index > 0) emit(',');
			writePhpJson(entry, emit);
		});
		return emit(']');
	}
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).filter(([, entry]) => entry !== undefined);
		if (entries.every(([key], index) => key === String(index))) return writePhpJson(entries.map(([, entry]) => entry), emit);
		emit('{');
		let first = true;
		for (const [key, entry] of entries) {
			emit(first ? '' : ',');
			first = false;
			writeString(key, emit);
			emit(':');
			writePhpJson(entry, emit);
		}
		return emit('}');
	}
	writeString(String(value), emit);
}

function writeString(text: string, emit: (part: string) => void): void {
	if (text.length <= SLICE) return emit(encodeString(text));
	emit('"');
	// every UTF-16 unit above 0x7f is escaped on its own, so a slice may split a surrogate pair
	for (let start = 0; start < text.length; start += SLICE) emit(encodeString(text.slice(start, start + SLICE)).slice(1, -1));
	emit('"');
}

/**
 * JSON.stringify already writes quotes, backslashes and control characters as PHP does (short
 * escapes, lowercase `\u00XX`, lone surrogates as `\udXXX`); PHP additionally escapes `/` and every
 * UTF-16 unit above 0x7f. One regular-expression pass keeps multi-megabyte import payloads cheap to sign.
 */
export function phpJsonString(text: string): string {
	return encodeString(text);
}

function encodeString(text: string): string {
	return JSON.stringify(text).replace(/[/\u0080-\uffff]/g, escapePhpOnly);
}

function escapePhpOnly(char: string): string {
	return char === '/' ? '\\/' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

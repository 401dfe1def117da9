import { createHash } from 'node:crypto';

/**
 * The sandbox's own reading of PHP `json_encode` (default flags) of a `json_decode($body, true)`d value,
 * written independently of the node's encoder so that a signing bug in the node shows up as a 10001 here
 * instead of agreeing with itself.
 */
export function phpJson(value: unknown): string {
	return JSON.stringify(asPhpArray(value))
		.replace(/\//g, '\\/')
		.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A decoded JSON object is a PHP array: empty, or keyed 0, 1, … in order, it is a list again when encoded. */
function asPhpArray(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(asPhpArray);
	if (!value || typeof value !== 'object') return value;
	const keys = Object.keys(value);
	const entries = keys.map((key) => asPhpArray((value as Record<string, unknown>)[key]));
	if (keys.every((key, index) => key === String(index))) return entries;
	return Object.fromEntries(keys.map((key, index) => [key, entries[index]]));
}

export function md5(text: string): string {
	return createHash('md5').update(text, 'utf8').digest('hex');
}

export function expectedUrl(params: Array<[string, unknown]>): string {
	const object: Record<string, unknown> = {};
	for (const [key, value] of params) if (key !== 'url') object[key] = value;
	return md5(phpJson(object)).slice(1, 9);
}

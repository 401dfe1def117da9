import { createHash } from 'node:crypto';

/**
 * The sandbox's own reading of PHP `json_encode` (default flags), written independently of the
 * node's encoder so that a signing bug in the node shows up as a 10001 here instead of agreeing with itself.
 */
export function phpJson(value: unknown): string {
	return JSON.stringify(value)
		.replace(/\//g, '\\/')
		.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function md5(text: string): string {
	return createHash('md5').update(text, 'utf8').digest('hex');
}

export function expectedUrl(params: Array<[string, unknown]>): string {
	const object: Record<string, unknown> = {};
	for (const [key, value] of params) if (key !== 'url') object[key] = value;
	return md5(phpJson(object)).slice(1, 9);
}

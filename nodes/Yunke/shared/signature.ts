import { createHash } from 'node:crypto';

import { writePhpJson } from './phpJson';

export function md5Hex(text: string): string {
	return createHash('md5').update(text, 'utf8').digest('hex');
}

/** Text is hashed in pieces of about this size: one call per request, and no import payload copied whole. */
const HASH_PIECE = 64 * 1024;

/** The `url` anti-hijack parameter: 8 hex chars from the 2nd character of md5(PHP JSON of every other parameter). */
export function urlSignature(params: Record<string, unknown>): string {
	const { url: _ignored, ...signed } = params;
	return signatureOf(signed);
}

/** Adds `url` as the last parameter, computed over all the others in their sending order. */
export function withUrlSignature<T extends Record<string, unknown>>(params: T): T & { url: string } {
	const { url: _ignored, ...rest } = params;
	return Object.assign(rest, { url: signatureOf(rest) }) as T & { url: string };
}

function signatureOf(params: Record<string, unknown>): string {
	const hash = createHash('md5');
	let pending = '';
	writePhpJson(params, (part) => {
		pending += part;
		if (pending.length < HASH_PIECE) return;
		hash.update(pending, 'utf8');
		pending = '';
	});
	return hash.update(pending, 'utf8').digest('hex').slice(1, 9);
}

/** Login variant A: md5(api_access_id + api_access_secret + timestamp), lowercase hex. */
export function accessSign(accessId: string, accessSecret: string, timestamp: string): string {
	return md5Hex(`${accessId}${accessSecret}${timestamp}`);
}

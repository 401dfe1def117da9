import { createHash } from 'node:crypto';

import { writePhpJson } from './phpJson';

export function md5Hex(text: string): string {
	return createHash('md5').update(text, 'utf8').digest('hex');
}

/** The `url` anti-hijack parameter: 8 hex chars from the 2nd character of md5(PHP JSON of every other parameter). */
export function urlSignature(params: Record<string, unknown>): string {
	const { url: _ignored, ...signed } = params;
	const hash = createHash('md5');
	writePhpJson(signed, (part) => hash.update(part, 'utf8'));
	return hash.digest('hex').slice(1, 9);
}

/** Adds `url` as the last parameter, computed over all the others in their sending order. */
export function withUrlSignature<T extends Record<string, unknown>>(params: T): T & { url: string } {
	const { url: _ignored, ...rest } = params;
	return { ...rest, url: urlSignature(rest) } as T & { url: string };
}

/** Login variant A: md5(api_access_id + api_access_secret + timestamp), lowercase hex. */
export function accessSign(accessId: string, accessSecret: string, timestamp: string): string {
	return md5Hex(`${accessId}${accessSecret}${timestamp}`);
}

import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import type { PushEvent } from './payload';

/**
 * Two import results are one result delivered twice only when every field is the same (a push
 * carries nothing but the task and its counts, so two imports with equal counts look alike) and
 * they arrive within this period of each other; later, an identical result is a new import.
 */
export const IMPORT_REPEAT_MS = 10 * 60 * 1000;

/** A bounded stand-in for any identity, however long: 128 bits of SHA-256, base64url. */
export function hashKey(identity: string): string {
	return createHash('sha256').update(identity, 'utf8').digest('base64url').slice(0, 22);
}

/** JSON with object keys sorted, so the same push with its fields in another order gives one text. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const entries = Object.keys(value)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as IDataObject)[key])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * The hashed keys a push is looked up by; the first is the one to remember. A call result is its
 * `sn`; an import result is its whole content in the current or the previous IMPORT_REPEAT_MS period.
 */
export function lookupKeys(event: PushEvent, identity: string, now: number, scope = ''): string[] {
	if (event !== 'importFinished') return [hashKey(`${scope}|${identity}`)];
	const period = Math.floor(now / IMPORT_REPEAT_MS);
	return [hashKey(`${scope}|${identity}|${period}`), hashKey(`${scope}|${identity}|${period - 1}`)];
}

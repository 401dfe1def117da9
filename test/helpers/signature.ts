import { urlSignature } from '../../nodes/Yunke/shared/signature';

/** Each logged request carries the `url` signature (1.3) over its other parameters. */
export function expectSigned(...entries: Array<{ params: Record<string, unknown> }>): void {
	expect(entries.length).toBeGreaterThan(0);
	for (const entry of entries) {
		const { url, ...signed } = entry.params;
		expect(url).toBe(urlSignature(signed));
	}
}

/** A signed form (1.3): the session's `user_sn` and `api_key` first, then `fields` in this order, then the `url` signature over them. */
export function expectSignedForm(entry: { params: Record<string, unknown>; paramOrder: string[] }, fields: string[]): void {
	expect(entry.paramOrder).toEqual(['user_sn', 'api_key', ...fields, 'url']);
	expectSigned(entry);
}

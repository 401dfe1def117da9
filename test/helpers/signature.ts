import { urlSignature } from '../../nodes/Yunke/shared/signature';

/** Each logged request carries the `url` signature (1.3) over its other parameters. */
export function expectSigned(...entries: Array<{ params: Record<string, unknown> }>): void {
	expect(entries.length).toBeGreaterThan(0);
	for (const entry of entries) {
		const { url, ...signed } = entry.params;
		expect(url).toBe(urlSignature(signed));
	}
}

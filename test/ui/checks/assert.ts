/** Small assertions for the UI checks: each failure says what a person would have seen instead. */
export function expect(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}

export function expectIncludes(text: string, wanted: string, where: string): void {
	expect(text.includes(wanted), `${where} should show ${JSON.stringify(wanted)}; it shows: ${JSON.stringify(text.slice(0, 600))}`);
}

export function expectSame<T>(actual: T, wanted: T, what: string): void {
	expect(JSON.stringify(actual) === JSON.stringify(wanted), `${what}: wanted ${JSON.stringify(wanted)}, got ${JSON.stringify(actual)}`);
}

/** Polls `read` until `accept` holds (the editor renders asynchronously) or the time is up. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let value = await read();
	while (!accept(value) && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 250));
		value = await read();
	}
	return value;
}

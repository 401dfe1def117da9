/** Comma, semicolon or newline separated text, or an array from an expression. */
export function splitList(raw: unknown): string[] {
	const parts = Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(/[,;\n]/);
	return parts.map((part) => part.trim()).filter(Boolean);
}

/** The rows of the first Markdown table under a `## heading`, each as header → cell text (`\|` unescaped). */
export function tableUnder(markdown: string, heading: string): Array<Record<string, string>> {
	const lines = markdown.split('\n');
	const at = lines.findIndex((line) => line.trim() === `## ${heading}`);
	if (at === -1) throw new Error(`no "## ${heading}" section`);
	const rest = lines.slice(at + 1);
	const end = rest.findIndex((line) => line.startsWith('## '));
	const tableLines = (end === -1 ? rest : rest.slice(0, end)).filter((line) => line.trim().startsWith('|'));
	const [header, , ...rows] = tableLines.map(cells);
	if (!header) throw new Error(`no table under "## ${heading}"`);
	return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])));
}

function cells(line: string): string[] {
	return line
		.trim()
		.replace(/^\||\|$/g, '')
		.split(/(?<!\\)\|/)
		.map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** The `code` spans of a cell: `a`, `b` → ['a', 'b']. */
export function codeSpans(cell: string): string[] {
	return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
}

/**
 * `npm run n8n:install` — install (or reuse) every pinned n8n line with its Node in `.tools/`:
 * n8n 2.41.1 on Node 24 and n8n 1.123.81 on Node 22.
 * Flags: --force (reinstall), --verbose (stream npm output).
 */
import { ensureTools, N8N_LINES } from './tools';

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	for (const line of N8N_LINES) {
		const tools = await ensureTools({ line, force: args.includes('--force'), verbose: args.includes('--verbose') });
		process.stdout.write(`n8n ${tools.n8nVersion} (${line.name}) on node ${tools.nodeVersion}: ${tools.n8nEntry}\n`);
	}
}

main().catch((e) => {
	process.stderr.write(`[n8n-tools] ${e instanceof Error ? e.message : String(e)}\n`);
	process.exit(1);
});

/**
 * `npm run n8n:install` — install (or reuse) the pinned Node 24 + n8n in `.tools/`.
 * Flags: --force (reinstall), --verbose (stream npm output).
 */
import { ensureTools } from './tools';

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const tools = await ensureTools({ force: args.includes('--force'), verbose: args.includes('--verbose') });
	process.stdout.write(`node ${tools.nodeVersion}: ${tools.node}\nn8n ${tools.n8nVersion}: ${tools.n8nEntry}\n`);
}

main().catch((e) => {
	process.stderr.write(`[n8n-tools] ${e instanceof Error ? e.message : String(e)}\n`);
	process.exit(1);
});

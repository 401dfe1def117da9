/**
 * Imported first by the secret scan: n8n's Logger is built at debug level (the harness silences it
 * otherwise, and a silenced level has no method to observe), so every line n8n would log is captured.
 */
const previous = process.env.N8N_LOG_LEVEL;
process.env.N8N_LOG_LEVEL = 'debug';

/** Later test files in the same Jest worker get the harness default (silent) again. */
export function restoreLogLevel(): void {
	if (previous === undefined) delete process.env.N8N_LOG_LEVEL;
	else process.env.N8N_LOG_LEVEL = previous;
}

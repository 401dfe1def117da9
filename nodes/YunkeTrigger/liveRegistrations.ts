import type { IHookFunctions } from 'n8n-workflow';

/**
 * The production registrations this n8n process made, by account. n8n builds the workflow of a
 * test listening with `active: false` and empty static data, so a trigger cannot tell from its own
 * context that the workflow is active; but activations and test listenings both run in the main
 * process (n8n 2.41: ActiveWorkflowManager and TestWebhooks), which is what this registry knows.
 */
const live = new Map<string, { accounts: string[]; webhookUrl: string }>();

/** A test listening's mode: n8n 2.41 creates test webhooks with activation mode 'manual'. */
export function isTestListening(ctx: IHookFunctions): boolean {
	return ctx.getActivationMode() === 'manual';
}

/** The names of the Yunke account this trigger's credential logs into (id, and base URL + login). */
export async function accountKeys(ctx: IHookFunctions, credentialType: string): Promise<string[]> {
	const keys = [`credential:${ctx.getNode().credentials?.[credentialType]?.id ?? ''}`];
	const credentials = await ctx.getCredentials(credentialType);
	const baseUrl = String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '').toLowerCase();
	const login = credentials.authentication === 'accessId' ? credentials.accessId : credentials.username;
	if (baseUrl) keys.push(`account:${baseUrl}|${String(login ?? '').trim()}`);
	return keys;
}

export function triggerKey(ctx: IHookFunctions): string {
	return `${ctx.getWorkflow().id ?? ''}/${ctx.getNode().id}`;
}

export function rememberLive(trigger: string, accounts: string[], webhookUrl: string): void {
	live.set(trigger, { accounts, webhookUrl });
}

/**
 * Forgets a production registration when its own webhook is deleted. A test listening's webhook of
 * the same trigger (deleted with the test URL, and with empty static data when it was refused)
 * leaves it alone.
 */
export function forgetLive(trigger: string, webhookUrl: string): void {
	if (live.get(trigger)?.webhookUrl === webhookUrl) live.delete(trigger);
}

/** The production trigger (workflow id / node id) that holds one of these accounts, if any. */
export function liveTriggerOn(accounts: string[]): string | undefined {
	for (const [trigger, held] of live) if (held.accounts.some((account) => accounts.includes(account))) return trigger;
	return undefined;
}

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { CALLBACK_FIELDS, ENDPOINTS, PUSH_SWITCH } from '../Yunke/shared/contract';
import { isHttpUrl } from '../Yunke/v1/actions/callback/url';
import { CREDENTIAL_TYPE, yunkeApiRequest } from '../Yunke/v1/transport';
import type { PushEvent } from './payload';
import { generateToken, urlWithToken } from './security';

/** What this trigger keeps in the workflow's static data (node scope). */
export interface TriggerStaticData extends IDataObject {
	/** Automatic mode: the secret in the registered URL; kept across re-activations. */
	token?: string;
	/** The URL this trigger last registered with Yunke, until it is undone. */
	registeredUrl?: string;
	registeredImports?: boolean;
}

export function isAutomatic(ctx: IHookFunctions): boolean {
	return ctx.getNodeParameter('registration', 'manual') === 'automatic';
}

/** The token of automatic mode, created on first use and then kept, so the registered URL stays valid. */
export function automaticToken(staticData: TriggerStaticData): string {
	if (!staticData.token) staticData.token = generateToken();
	return staticData.token;
}

/** Points the account's push URLs at this trigger (9.1). */
export async function registerCallback(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node') as TriggerStaticData;
	const events = this.getNodeParameter('events', []) as PushEvent[];
	requireCredential(this);
	restoreUrls(this); // validated now, so a typo fails the activation instead of the deactivation
	const url = urlWithToken(webhookUrl(this), automaticToken(staticData));
	warnIfNotHttps(this, url);
	const wantsImports = events.includes('importFinished');
	const body: IDataObject = {
		[CALLBACK_FIELDS.pushOn]: events.includes('callResult') ? PUSH_SWITCH.on : PUSH_SWITCH.off,
		[CALLBACK_FIELDS.callResultUrl]: url,
	};
	if (wantsImports) body[CALLBACK_FIELDS.importUrl] = url;
	await yunkeApiRequest.call(this, { method: 'POST', endpoint: ENDPOINTS.callbackSet, body });
	staticData.registeredUrl = url;
	staticData.registeredImports = wantsImports;
	return true;
}

/** Undoes `registerCallback`: restores the URLs the user named, or switches the pushes off. */
export async function unregisterCallback(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node') as TriggerStaticData;
	if (!staticData.registeredUrl) return true;
	requireCredential(this);
	const restore = restoreUrls(this);
	const body: IDataObject = restore.callResultUrl
		? { [CALLBACK_FIELDS.pushOn]: PUSH_SWITCH.on, [CALLBACK_FIELDS.callResultUrl]: restore.callResultUrl }
		: { [CALLBACK_FIELDS.pushOn]: PUSH_SWITCH.off, [CALLBACK_FIELDS.callResultUrl]: staticData.registeredUrl };
	if (staticData.registeredImports) body[CALLBACK_FIELDS.importUrl] = restore.importUrl;
	await yunkeApiRequest.call(this, { method: 'POST', endpoint: ENDPOINTS.callbackSet, body });
	delete staticData.registeredUrl;
	delete staticData.registeredImports;
	return true;
}

function webhookUrl(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n did not provide a webhook URL for the Yunke Trigger');
	return url;
}

function requireCredential(ctx: IHookFunctions): void {
	if (ctx.getNode().credentials?.[CREDENTIAL_TYPE]) return;
	throw new NodeOperationError(ctx.getNode(), 'Automatic registration needs a Yunke API credential', {
		description: 'Select a Yunke API credential in the trigger, or set Registration to Manual and paste the URL into the Yunke console',
	});
}

function restoreUrls(ctx: IHookFunctions): { callResultUrl: string; importUrl: string } {
	const callResultUrl = String(ctx.getNodeParameter('restoreCallbackUrl', '') ?? '').trim();
	const events = ctx.getNodeParameter('events', []) as PushEvent[];
	const importUrl = events.includes('importFinished') ? String(ctx.getNodeParameter('restoreImportUrl', '') ?? '').trim() : '';
	for (const [field, value] of [
		['Restore Callback URL', callResultUrl],
		['Restore Import Callback URL', importUrl],
	]) {
		if (value && !isHttpUrl(value)) {
			throw new NodeOperationError(ctx.getNode(), `${field}: "${value}" is not an http:// or https:// URL`, {
				description: `Enter a full URL starting with http:// or https://, or leave ${field} empty to switch the pushes off on deactivation`,
			});
		}
	}
	return { callResultUrl, importUrl };
}

/** Yunke accepts http, and n8n on a laptop is http; production pushes should still use https. */
function warnIfNotHttps(ctx: IHookFunctions, url: string): void {
	if (url.startsWith('https://')) return;
	ctx.logger.warn(
		`Yunke Trigger "${ctx.getNode().name}": the callback URL is not https, so call records travel unencrypted. Set WEBHOOK_URL to an https address in production.`,
	);
}

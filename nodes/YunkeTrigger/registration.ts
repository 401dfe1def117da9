import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { CALLBACK_FIELDS, ENDPOINTS, PUSH_SWITCH } from '../Yunke/shared/contract';
import { isHttpUrl } from '../Yunke/shared/callbackUrl';
import { CREDENTIAL_TYPE, yunkeApiRequest } from '../Yunke/transport';
import { accountKeys, forgetLive, isTestListening, liveTriggerOn, rememberLive, triggerKey } from './liveRegistrations';
import type { PushEvent } from './payload';
import { generateToken, urlWithToken } from './security';

/** What this trigger keeps in the workflow's static data (node scope). */
export interface TriggerStaticData extends IDataObject {
	/** Automatic mode: the secret in the registered URL; kept across re-activations. */
	token?: string;
	/** The URL this trigger last registered with Yunke, until it is undone. */
	registeredUrl?: string;
	registeredImports?: boolean;
	/** Set by a test listening's registration (its static data lives only as long as the listening). */
	testRegistration?: boolean;
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
	const accounts = await accountKeys(this, CREDENTIAL_TYPE);
	const testing = isTestListening(this);
	if (testing) refuseWhileLive(this, accounts);
	const hookUrl = webhookUrl(this);
	const url = urlWithToken(hookUrl, automaticToken(staticData));
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
	if (testing) staticData.testRegistration = true;
	else rememberLive(triggerKey(this), accounts, hookUrl);
	return true;
}

/** A test listening must not take the account's one callback URL from an active workflow. */
function refuseWhileLive(ctx: IHookFunctions, accounts: string[]): void {
	const holder = liveTriggerOn(accounts);
	if (!holder) return;
	const who = holder === triggerKey(ctx) ? 'this workflow, which is active' : `the active workflow ${holder.split('/')[0]}`;
	throw new NodeOperationError(ctx.getNode(), `Listening for a test event would take the Yunke account's pushes away from ${who}`, {
		description:
			'Yunke has one callback URL per account, and it points at the active Yunke Trigger; it was left unchanged. Look at the active workflow\'s executions for real pushes, deactivate it to test here, or test with Registration set to Manual and a push you send to the Test URL yourself.',
	});
}

/** Undoes `registerCallback`: restores the URLs the user named, or switches the pushes off. */
export async function unregisterCallback(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node') as TriggerStaticData;
	const testing = staticData.testRegistration === true;
	forgetLive(triggerKey(this), webhookUrl(this));
	if (!staticData.registeredUrl) return true;
	requireCredential(this);
	if (testing && liveTriggerOn(await accountKeys(this, CREDENTIAL_TYPE))) {
		// the workflow was activated while the test listened: the account is production's now
		forgetRegistration(staticData);
		return true;
	}
	const restore = restoreUrls(this);
	const body: IDataObject = restore.callResultUrl
		? { [CALLBACK_FIELDS.pushOn]: PUSH_SWITCH.on, [CALLBACK_FIELDS.callResultUrl]: restore.callResultUrl }
		: { [CALLBACK_FIELDS.pushOn]: PUSH_SWITCH.off, [CALLBACK_FIELDS.callResultUrl]: staticData.registeredUrl };
	if (staticData.registeredImports) body[CALLBACK_FIELDS.importUrl] = restore.importUrl;
	await yunkeApiRequest.call(this, { method: 'POST', endpoint: ENDPOINTS.callbackSet, body });
	forgetRegistration(staticData);
	return true;
}

function forgetRegistration(staticData: TriggerStaticData): void {
	delete staticData.registeredUrl;
	delete staticData.registeredImports;
	delete staticData.testRegistration;
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

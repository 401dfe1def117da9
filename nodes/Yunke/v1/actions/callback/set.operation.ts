import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CALLBACK_FIELDS, ENDPOINTS, PUSH_SWITCH } from '../../../shared/contract';
import { maskToken } from '../../../shared/urlSecrets';
import { extraVendorFields } from '../../helpers/fields';
import { invalidInput, isBlank } from '../../helpers/validation';
import { yunkeApiRequest } from '../../../transport';
import { additionalVendorFields, collection } from '../common.descriptions';
import { isHttpUrl } from '../../../shared/callbackUrl';

const properties: INodeProperties[] = [
	{
		displayName:
			'Yunke keeps ONE callback URL per account. A Yunke Trigger in automatic registration mode sets it by itself; setting it here redirects the pushes away from that trigger.',
		name: 'oneUrlNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Push Call Results',
		name: 'pushCallResults',
		type: 'boolean',
		default: true,
		description: 'Whether Yunke pushes every call result to the Callback URL about a minute after hang-up',
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://n8n.example.com/webhook/…/yunke?token=…',
		description: 'Where Yunke pushes call results; must start with http:// or https://',
	},
	collection('options', [
		{
			displayName: 'Import Callback URL',
			name: 'taskCallbackUrl',
			type: 'string',
			default: '',
			description:
				'Where Yunke pushes the result of asynchronous imports; must start with http:// or https://. Leave empty to keep the current setting.',
		},
		{
			displayName: 'Switch Import Pushes Off',
			name: 'clearTaskCallbackUrl',
			type: 'boolean',
			default: false,
			description: 'Whether to clear the Import Callback URL so that Yunke stops pushing import results',
		},
	]),
	additionalVendorFields(),
];

export const description = updateDisplayOptions({ show: { resource: ['callback'], operation: ['set'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const pushCallResults = this.getNodeParameter('pushCallResults', itemIndex) as boolean;
	const callbackUrl = requireCallbackUrl(this, itemIndex, 'Callback URL', this.getNodeParameter('callbackUrl', itemIndex));
	const options = this.getNodeParameter('options', itemIndex, {}) as { taskCallbackUrl?: string; clearTaskCallbackUrl?: boolean };
	if (options.clearTaskCallbackUrl && !isBlank(options.taskCallbackUrl)) {
		throw invalidInput(
			this,
			itemIndex,
			'Import Callback URL',
			'is set while Switch Import Pushes Off is on',
			'Either clear Import Callback URL or turn Switch Import Pushes Off off',
		);
	}
	const body: IDataObject = {
		[CALLBACK_FIELDS.pushOn]: pushCallResults ? PUSH_SWITCH.on : PUSH_SWITCH.off,
		[CALLBACK_FIELDS.callResultUrl]: callbackUrl,
	};
	if (options.clearTaskCallbackUrl) body[CALLBACK_FIELDS.importUrl] = '';
	else if (!isBlank(options.taskCallbackUrl)) {
		body[CALLBACK_FIELDS.importUrl] = requireCallbackUrl(this, itemIndex, 'Import Callback URL', options.taskCallbackUrl);
	}
	Object.assign(body, extraVendorFields(this, itemIndex, Object.keys(body)));
	const answer = await yunkeApiRequest.call(this, { method: 'POST', endpoint: ENDPOINTS.callbackSet, body, itemIndex });
	// The URLs are echoed with a Yunke Trigger's secret token masked: items are stored with executions.
	return {
		pushCallResults: Number(body[CALLBACK_FIELDS.pushOn]) === PUSH_SWITCH.on,
		callbackUrl: maskToken(String(body[CALLBACK_FIELDS.callResultUrl])),
		...(CALLBACK_FIELDS.importUrl in body ? { importCallbackUrl: maskToken(String(body[CALLBACK_FIELDS.importUrl])) } : {}),
		vendorMessage: answer.msg ?? '',
	};
}

function requireCallbackUrl(ctx: IExecuteFunctions, itemIndex: number, field: string, raw: unknown): string {
	const text = String(raw ?? '').trim();
	if (!isHttpUrl(text)) {
		throw invalidInput(
			ctx,
			itemIndex,
			field,
			text ? `"${maskToken(text)}" is not an http:// or https:// URL` : 'is empty',
			'Enter a full URL starting with http:// or https://, for example the Production URL of a Yunke Trigger node',
		);
	}
	return text;
}

import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { ENDPOINTS } from '../nodes/Yunke/shared/contract';
import { buildLoginRequest, parseLoginResponse, signRequest } from '../nodes/Yunke/shared/session';

export class YunkeApi implements ICredentialType {
	name = 'yunkeApi';

	displayName = 'Yunke API';

	icon: Icon = { light: 'file:../icons/yunke.svg', dark: 'file:../icons/yunke.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-yunke/n8n-nodes-yunke#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://ai123.example.com',
			description:
				'The web console address of your Yunke tenant, the page where you log in (scheme, host and port if any)',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Username & Password',
					value: 'password',
					description: 'The console account and its password',
				},
				{
					name: 'Access ID & Secret',
					value: 'accessId',
					description: 'API access ID and secret from Account Info → Personal Settings (platform 6.6 or later)',
				},
			],
			default: 'password',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['password'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['password'] } },
		},
		{
			displayName: 'Access ID',
			name: 'accessId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['accessId'] } },
		},
		{
			displayName: 'Access Secret',
			name: 'accessSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['accessId'] } },
		},
		{
			displayName: 'Request Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 600 },
			default: 60,
			description: 'How long to wait for each answer from Yunke before giving up',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'User SN',
			name: 'userSn',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Expires At',
			name: 'expiresAt',
			type: 'hidden',
			default: 0,
		},
		{
			displayName: 'Session For',
			name: 'sessionFor',
			type: 'hidden',
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const response = await this.helpers.httpRequest(buildLoginRequest(credentials));
		return { ...parseLoginResponse(response, credentials) };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return signRequest(credentials, requestOptions);
	}

	test: ICredentialTestRequest = {
		request: { method: 'POST', url: ENDPOINTS.scriptOptions, json: true },
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'code', value: 20005, message: 'Yunke rejected the session key (code 20005); test again' },
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 20007,
					message: 'This Yunke account has no API access (code 20007): ask Yunke support to enable interface permission',
				},
			},
		],
	};
}

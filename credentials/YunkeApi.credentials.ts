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
import { VENDOR_ERRORS } from '../nodes/Yunke/shared/errorCatalogue';
import { buildLoginRequest, loginAnswerBody, parseLoginResponse, signRequest } from '../nodes/Yunke/shared/loginAndSigning';
import { loginFault } from '../nodes/Yunke/transport/errors';

/** How people type a plain-http Base URL; `https://` contains none of them. */
const PLAIN_HTTP_SCHEMES = ['http://', 'HTTP://', 'Http://'];

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
			displayName:
				'This Base URL uses plain http://: the password, the session key and every call travel unencrypted. Use the https:// address of your tenant if it has one.',
			name: 'plainHttpNotice',
			type: 'notice',
			default: '',
			// not a `regex` rule: n8n evaluates display rules on every credential read at run time, and runs
			// `regex` in a vm with a 250 ms wall-clock limit that a busy worker exceeds (the execution fails)
			displayOptions: { show: { baseUrl: PLAIN_HTTP_SCHEMES.map((scheme) => ({ _cnd: { includes: scheme } })) } },
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
		let response: unknown;
		try {
			response = await this.helpers.httpRequest(buildLoginRequest(credentials));
		} catch (error) {
			throw loginFault(error);
		}
		return { ...parseLoginResponse(loginAnswerBody(response), credentials) };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return signRequest(credentials, requestOptions);
	}

	/** Every non-zero code the catalogue knows fails the test with its message (the platform sends numbers or text). */
	test: ICredentialTestRequest = {
		// a redirect would carry the session key and the signed body to the address the answer names
		request: { method: 'POST', url: ENDPOINTS.scriptOptions, json: true, disableFollowRedirect: true },
		rules: Object.entries(VENDOR_ERRORS).flatMap(([code, known]) =>
			[Number(code), code].map((value) => ({
				type: 'responseSuccessBody' as const,
				properties: { key: 'code', value, message: `${known.message} (Yunke code ${code}). ${known.description}` },
			})),
		),
	};
}

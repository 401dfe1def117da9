import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { formatChinaTime } from './chinaTime';
import { API_KEY_ECHO_FIELD, API_KEY_LIFETIME_SECONDS, ENDPOINTS, LOGIN_FROM, envelopeCode, envelopeMessage } from './contract';
import { describeVendorCode } from './errorCatalogue';
import { MultipartBody } from './multipart';
import { PiecewiseJson, PiecewiseText } from './phpJson';
import { accessSign, md5Hex, urlSignature, withUrlSignature } from './signature';

export type AuthenticationMethod = 'password' | 'accessId';

/** A login or credential-setup failure; its message is already English and free of secrets. */
export class YunkeCredentialError extends Error {
	readonly name = 'YunkeCredentialError';

	constructor(
		message: string,
		readonly description: string,
		readonly vendorCode?: number,
	) {
		super(message);
	}
}

/** The credential fields that the login fills in (hidden, persisted encrypted by n8n). */
export interface YunkeSession {
	apiKey: string;
	userSn: string;
	expiresAt: number;
	sessionFor: string;
}

/** The last Base URL read and its normal form: every signed request reads it, and it rarely changes. */
let lastBaseUrl = { text: '', normalized: '' };

export function normalizeBaseUrl(raw: unknown): string {
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (text && text === lastBaseUrl.text) return lastBaseUrl.normalized;
	const parsed = URL.canParse(text) ? new URL(text) : undefined;
	const example = 'Enter the web console address of your Yunke tenant in the credential, for example https://ai123.example.com';
	if (!parsed) throw new YunkeCredentialError(`The Base URL "${text}" is not a valid address`, example);
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		throw new YunkeCredentialError(`The Base URL must start with http:// or https://, not ${parsed.protocol}//`, example);
	}
	lastBaseUrl = { text, normalized: `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}` };
	return lastBaseUrl.normalized;
}

/** Identifies who the stored session belongs to, so an edited credential never reuses a stale key. */
export function sessionOwner(credentials: ICredentialDataDecryptedObject): string {
	const method = credentials.authentication as AuthenticationMethod;
	const who = method === 'accessId' ? credentials.accessId : credentials.username;
	return md5Hex(`${normalizeBaseUrl(credentials.baseUrl)}|${method}|${String(who ?? '')}`).slice(0, 16);
}

/** The credential's Request Timeout in milliseconds (60 s when unset). */
export function credentialTimeoutMs(credentials: ICredentialDataDecryptedObject): number {
	const seconds = Number(credentials.timeoutSeconds);
	return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 60_000;
}

/**
 * The login request. It never follows a redirect: a 307 would send the password (or the access
 * sign) again, to whatever host the answer names. The full answer comes back for `loginAnswerBody`.
 */
export function buildLoginRequest(credentials: ICredentialDataDecryptedObject, now = new Date()): IHttpRequestOptions {
	const url = `${normalizeBaseUrl(credentials.baseUrl)}${ENDPOINTS.login}`;
	const transport = { timeout: credentialTimeoutMs(credentials), disableFollowRedirect: true, returnFullResponse: true, ignoreHttpStatusErrors: true };
	if (credentials.authentication === 'accessId') {
		const accessId = String(credentials.accessId ?? '').trim();
		const timestamp = formatChinaTime(now);
		const sign = accessSign(accessId, String(credentials.accessSecret ?? ''), timestamp);
		return { method: 'POST', url, json: true, body: { api_access_id: accessId, from: LOGIN_FROM.accessId, sign, timestamp }, ...transport };
	}
	const body = withUrlSignature({
		username: String(credentials.username ?? '').trim(),
		password: String(credentials.password ?? ''),
		from: LOGIN_FROM.password,
	});
	return { method: 'POST', url, json: true, body, ...transport };
}

/** The body of the login answer; a redirect or an HTTP error is a login failure that names it. */
export function loginAnswerBody(response: unknown): unknown {
	const full = response as { statusCode?: number; headers?: Record<string, unknown>; body?: unknown };
	const status = Number(full?.statusCode ?? 200);
	if (status >= 300 && status < 400) {
		const target = String(full.headers?.location ?? '(no address)');
		throw new YunkeCredentialError(
			`Yunke login was redirected (HTTP ${status}) to ${target}; the login details were not sent there`,
			'Set the Base URL of the credential to the address of your tenant itself (check http:// versus https:// and the host name). Logins never follow redirects.',
		);
	}
	if (status >= 400) {
		throw new YunkeCredentialError(`Yunke login failed: the server answered HTTP ${status}`, 'Check that the Base URL is the web console address of your tenant.');
	}
	return full.body;
}

/** Reads the login answer; throws an English error without any secret when the login failed. */
export function parseLoginResponse(
	response: unknown,
	credentials: ICredentialDataDecryptedObject,
	now = new Date(),
): YunkeSession {
	const body = (typeof response === 'string' ? safeParse(response) : response) as IDataObject | undefined;
	const data = body?.data as IDataObject | undefined;
	const code = body ? envelopeCode(body) : undefined;
	if (!body || code !== 0 || !data?.api_key || !data.user_sn) {
		const vendorMessage = body ? envelopeMessage(body) : '';
		const known = describeVendorCode(code, vendorMessage);
		const detail = body ? ` (code ${code ?? 'none'}: ${vendorMessage || 'no message'})` : ': the answer was not JSON';
		throw new YunkeCredentialError(`Yunke login failed: ${known.message}${detail}`, known.description, code);
	}
	const nowSeconds = Math.floor(now.getTime() / 1000);
	const vendorExpiry = Number(data.api_key_expire);
	return {
		apiKey: String(data.api_key),
		userSn: String(data.user_sn),
		expiresAt: Number.isFinite(vendorExpiry) && vendorExpiry > nowSeconds ? vendorExpiry : nowSeconds + API_KEY_LIFETIME_SECONDS,
		sessionFor: sessionOwner(credentials),
	};
}

function safeParse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/**
 * Puts the public parameters into the request and signs it: query for GET, JSON body for POST,
 * form fields for uploads. The `url` signature covers every other parameter in sending order (1.3; docs/vendor-facts.md).
 */
export function signRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const publicParams = { user_sn: String(credentials.userSn ?? ''), api_key: String(credentials.apiKey ?? '') };
	const signed: IHttpRequestOptions = { ...requestOptions, baseURL: normalizeBaseUrl(credentials.baseUrl) };
	const method = (requestOptions.method ?? 'GET').toUpperCase();
	if (requestOptions.body instanceof MultipartBody) {
		const fields = { ...publicParams, ...requestOptions.body.fields };
		const { contentType, body } = requestOptions.body.withFields({ ...fields, url: urlSignature(fields) }).serialize();
		signed.body = body;
		signed.headers = { ...requestOptions.headers, 'content-type': contentType };
		return signed;
	}
	if (method === 'GET') {
		const params = { ...publicParams, ...asQueryStrings((requestOptions.qs as IDataObject) ?? {}) };
		signed.qs = { url: urlSignature(params), ...params };
		return signed;
	}
	const body: IDataObject = { ...((requestOptions.body as IDataObject) ?? {}) };
	if (API_KEY_ECHO_FIELD in body) body[API_KEY_ECHO_FIELD] = publicParams.api_key;
	const withSignature = withUrlSignature({ ...publicParams, ...body });
	if (Object.values(body).some((value) => value instanceof PiecewiseText || value instanceof PiecewiseJson)) {
		signed.body = jsonBytes(withSignature);
		signed.headers = { ...requestOptions.headers, 'content-type': 'application/json' };
		return signed;
	}
	signed.body = withSignature;
	return signed;
}

/** The JSON body as bytes, written field by field and piece by piece (see PiecewiseText, PiecewiseJson). */
function jsonBytes(fields: IDataObject): Buffer {
	const chunks: Buffer[] = [];
	let separator = '{';
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined) continue;
		chunks.push(Buffer.from(`${separator}${JSON.stringify(key)}:`));
		separator = ',';
		if (value instanceof PiecewiseJson) {
			for (const piece of value.pieces) chunks.push(Buffer.from(piece));
			continue;
		}
		if (!(value instanceof PiecewiseText)) {
			chunks.push(Buffer.from(JSON.stringify(value)));
			continue;
		}
		chunks.push(Buffer.from('"'));
		for (const piece of value.pieces) chunks.push(Buffer.from(JSON.stringify(piece).slice(1, -1)));
		chunks.push(Buffer.from('"'));
	}
	chunks.push(Buffer.from(separator === '{' ? '{}' : '}'));
	return Buffer.concat(chunks);
}

/** A query string carries text only, so the signature must be computed over the text the server will see. */
function asQueryStrings(params: IDataObject): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(params)) {
		if (value === undefined || value === null) continue;
		out[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
	}
	return out;
}

import { sleep } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import {
	API_KEY_REFRESH_MARGIN_SECONDS,
	AUTH_RENEW_CODES,
	envelopeCode,
	RESEND_SAFE_ENDPOINTS,
	envelopeMessage,
	isSuccessEnvelope,
} from '../../shared/contract';
import type { MultipartBody } from '../../shared/multipart';
import { sessionOwner } from '../../shared/session';
import { CREDENTIAL_TYPE, type YunkeContext } from './context';
import {
	classifyThrown,
	credentialError,
	findCredentialError,
	isTransient,
	transportError,
	vendorError,
	type TransportFault,
	type VendorFailure,
} from './errors';

export interface YunkeRequest {
	method: 'GET' | 'POST';
	endpoint: string;
	body?: IDataObject | MultipartBody;
	qs?: IDataObject;
	itemIndex?: number;
	/** A call that changes nothing on the server: transient faults are retried with backoff. */
	idempotent?: boolean;
	/**
	 * For writes: after a fault that may have struck once the server had applied the call, looks up
	 * whether it did. Returns the result to use when it did; undefined sends the call once more.
	 */
	reconcile?: () => Promise<IDataObject | undefined>;
	timeoutMs?: number;
}

export interface DownloadedFile {
	data: Buffer;
	mimeType: string;
	fileName?: string;
}

/**
 * The `reconcile` of writes whose repetition changes nothing more (contract RESEND_SAFE_ENDPOINTS, the
 * default for those): after an ambiguous fault the call is simply sent once more.
 */
export async function sendOnceMore(): Promise<undefined> {
	return undefined;
}

type Parsed<T> = { ok: T } | { vendor: VendorFailure } | { fault: TransportFault };

const DEFAULT_TIMEOUT_MS = 60_000;
const TRANSIENT_RETRIES = 3;
const BACKOFF_BASE_MS = 300;
/** Key renewals per request: our own login once, keys other executions stored the rest. */
const MAX_RENEWALS = 4;
const STORE_POLLS = 5;
const STORE_POLL_MS = 100;
const LOGIN_JITTER_MS = 250;

/** POST JSON or GET query to Yunke; returns the success envelope or throws an English NodeApiError. */
export async function yunkeApiRequest(this: YunkeContext, request: YunkeRequest): Promise<IDataObject> {
	return await sendWithSession(this, request, { json: true }, parseEnvelope);
}

/** A file download (recordings, Excel exports); a JSON answer instead of a file is read as an error envelope. */
export async function yunkeDownload(this: YunkeContext, request: YunkeRequest): Promise<DownloadedFile> {
	return await sendWithSession(
		this,
		request,
		{ json: false, encoding: 'arraybuffer', returnFullResponse: true },
		parseDownload,
	);
}

async function sendWithSession<T>(
	ctx: YunkeContext,
	request: YunkeRequest,
	responseOptions: Partial<IHttpRequestOptions>,
	parse: (raw: unknown, endpoint: string) => Parsed<T>,
): Promise<T> {
	const node = ctx.getNode();
	let session = await ctx.getCredentials(CREDENTIAL_TYPE, request.itemIndex ?? 0);
	let forceLogin = sessionNeedsLogin(session);
	const rejectedKeys = new Set<string>();
	let renewals = 0;
	let loggedIn = false;
	let transientRetries = 0;
	let reconciled = false;
	for (;;) {
		let parsed: Parsed<T>;
		try {
			const timeout = request.timeoutMs ?? timeoutOf(session);
			const raw = await send(ctx, { ...request, timeoutMs: timeout }, responseOptions, forceLogin ? { ...session, apiKey: '' } : undefined);
			parsed = parse(raw, request.endpoint);
		} catch (error) {
			const credentialFailure = findCredentialError(error);
			if (credentialFailure) throw credentialError(node, credentialFailure, request.itemIndex);
			parsed = { fault: classifyThrown(error) };
		}
		loggedIn ||= forceLogin;
		forceLogin = false;
		if ('ok' in parsed) return parsed.ok;
		if ('fault' in parsed) {
			if (request.idempotent && isTransient(parsed.fault) && transientRetries < TRANSIENT_RETRIES) {
				await sleep(BACKOFF_BASE_MS * 2 ** transientRetries++);
				continue;
			}
			const reconcile = request.reconcile ?? (RESEND_SAFE_ENDPOINTS.includes(request.endpoint) ? sendOnceMore : undefined);
			if (reconcile && !reconciled && isTransient(parsed.fault)) {
				reconciled = true;
				const applied = await reconcile();
				if (applied) return applied as T;
				continue;
			}
			throw transportError(node, parsed.fault, request.endpoint, request.itemIndex);
		}
		if (isRenewCode(parsed.vendor.code) && renewals++ < MAX_RENEWALS) {
			// Each login kills the previous key, and executions sharing the credential (queue mode) all see
			// the same dead key: take a key another execution stored since, and log in ourselves at most once.
			rejectedKeys.add(String(session.apiKey ?? ''));
			let fresher = await storedFreshKey(ctx, request.itemIndex ?? 0, rejectedKeys, loggedIn ? STORE_POLLS : 1);
			if (!fresher && !loggedIn) {
				// executions that saw the key die together would each log in and kill each other's key:
				// a random pause lets the first one store its key for the others
				await sleep(Math.random() * LOGIN_JITTER_MS);
				fresher = await storedFreshKey(ctx, request.itemIndex ?? 0, rejectedKeys, 1);
				forceLogin = !fresher;
			}
			if (fresher) session = fresher;
			if (fresher || forceLogin) continue;
		}
		throw vendorError(node, parsed.vendor, request.itemIndex);
	}
}

/**
 * The stored session when it holds a key not yet rejected. After our own login was killed too, another
 * execution is mid-login: wait for it to store its key rather than log in again (which would kill it).
 */
async function storedFreshKey(
	ctx: YunkeContext,
	itemIndex: number,
	rejectedKeys: Set<string>,
	polls: number,
): Promise<ICredentialDataDecryptedObject | undefined> {
	for (let poll = 0; poll < polls; poll++) {
		if (poll > 0) await sleep(STORE_POLL_MS * poll);
		const latest = await ctx.getCredentials(CREDENTIAL_TYPE, itemIndex);
		if (latest.apiKey && !rejectedKeys.has(String(latest.apiKey))) return latest;
	}
	return undefined;
}

function isRenewCode(code: number | undefined): boolean {
	return code !== undefined && (AUTH_RENEW_CODES as readonly number[]).includes(code);
}

function timeoutOf(session: ICredentialDataDecryptedObject): number {
	const seconds = Number(session.timeoutSeconds);
	return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_TIMEOUT_MS;
}

function sessionNeedsLogin(session: ICredentialDataDecryptedObject): boolean {
	if (!session.apiKey) return false; // n8n's preAuthentication logs in by itself when the key is empty
	const expiresAt = Number(session.expiresAt);
	const nearExpiry = Number.isFinite(expiresAt) && expiresAt > 0 && Date.now() / 1000 > expiresAt - API_KEY_REFRESH_MARGIN_SECONDS;
	return nearExpiry || session.sessionFor !== sessionOwner(session);
}

async function send(
	ctx: YunkeContext,
	request: YunkeRequest,
	responseOptions: Partial<IHttpRequestOptions>,
	loginWith: ICredentialDataDecryptedObject | undefined,
): Promise<unknown> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.endpoint,
		timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		...responseOptions,
	};
	if (request.qs) options.qs = request.qs;
	if (request.body) options.body = request.body as IDataObject;
	const reference = ctx.getNode().credentials?.[CREDENTIAL_TYPE];
	const additional = loginWith
		? { credentialsDecrypted: { id: reference?.id ?? '', name: reference?.name ?? '', type: CREDENTIAL_TYPE, data: loginWith } }
		: undefined;
	return await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options, additional);
}

function parseEnvelope(raw: unknown, endpoint: string): Parsed<IDataObject> {
	const body = readJson(raw);
	if ('fault' in body) return body;
	if (isSuccessEnvelope(body.ok)) return body;
	return { vendor: { code: envelopeCode(body.ok), vendorMessage: envelopeMessage(body.ok), endpoint } };
}

function readJson(raw: unknown): { ok: IDataObject } | { fault: TransportFault } {
	if (raw && typeof raw === 'object' && !Array.isArray(raw) && !Buffer.isBuffer(raw)) return { ok: raw as IDataObject };
	const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : typeof raw === 'string' ? raw : '';
	if (text.trim() === '') return { fault: { kind: 'empty', detail: 'empty body' } };
	try {
		const parsed = JSON.parse(text) as unknown;
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { ok: parsed as IDataObject };
	} catch {
		// falls through to the not-JSON fault below
	}
	const looksHtml = /^\s*</.test(text);
	return { fault: { kind: 'notJson', detail: looksHtml ? 'an HTML page' : `body starts with ${JSON.stringify(text.slice(0, 40))}` } };
}

function parseDownload(raw: unknown, endpoint: string): Parsed<DownloadedFile> {
	const response = raw as { body?: unknown; headers?: Record<string, string> };
	const data = toBuffer(response.body);
	const mimeType = String(response.headers?.['content-type'] ?? 'application/octet-stream').split(';')[0].trim();
	if (data.length === 0) return { fault: { kind: 'empty', detail: 'empty file' } };
	if (/json|text\/(plain|html)/.test(mimeType) || data.subarray(0, 1).toString() === '{') {
		const body = readJson(data);
		if ('fault' in body) return body;
		return { vendor: { code: envelopeCode(body.ok), vendorMessage: envelopeMessage(body.ok), endpoint } };
	}
	return { ok: { data, mimeType, fileName: fileNameFrom(response.headers?.['content-disposition']) } };
}

function fileNameFrom(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
	if (encoded) return decodeURIComponent(encoded[1]);
	return /filename="?([^";]+)"?/i.exec(disposition)?.[1];
}

function toBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(new Uint8Array(body));
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return Buffer.alloc(0);
}

import { sleep } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { envelopeCode, RESEND_SAFE_ENDPOINTS, envelopeMessage, isSuccessEnvelope } from '../shared/contract';
import type { VendorError } from '../shared/errorCatalogue';
import type { MultipartBody } from '../shared/multipart';
import { CREDENTIAL_TYPE, credentialReference, nodeOf, type YunkeContext } from './context';
import { RequestSession } from './keyRenewal';
import {
	answerMayBeLost,
	classifyThrown,
	credentialError,
	findCredentialError,
	isTransient,
	loginTransportFault,
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
	 * For writes: after a lost answer (errors.ts `answerMayBeLost`), looks up whether the server applied
	 * the call. Returns the result to use when it did; undefined sends the call once more; throws to stop.
	 */
	reconcile?: (lost: LostAnswer) => Promise<IDataObject | undefined>;
	timeoutMs?: number;
	/** Messages for codes that mean something narrower on this call (errorCatalogue, e.g. TASK_CREATION_ERRORS). */
	vendorErrors?: Record<number, VendorError>;
	/** Vendor codes answered as `{ code, msg }` instead of thrown (a caller that adapts to them). */
	answerCodes?: readonly number[];
	/** Vendor codes that leave this write's outcome unknown: settled by `reconcile` like a lost answer. */
	lostAnswerCodes?: readonly number[];
}

/** What a `reconcile` hook learns about the lost answer: the timeout the call had, and the fault. */
export interface LostAnswer {
	timeoutMs: number;
	fault: TransportFault;
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

const TRANSIENT_RETRIES = 3;
const BACKOFF_BASE_MS = 300;

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
	const node = nodeOf(ctx);
	const session = await RequestSession.open(ctx, request.itemIndex);
	const timeoutMs = request.timeoutMs ?? session.timeoutMs;
	let transientRetries = 0;
	let reconciled = false;
	for (;;) {
		let parsed: Parsed<T>;
		try {
			const raw = await session.send(async (credentials) => await send(ctx, { ...request, timeoutMs }, responseOptions, credentials));
			parsed = parse(raw, request.endpoint);
		} catch (error) {
			const credentialFailure = findCredentialError(error);
			const loginFault = credentialFailure && loginTransportFault(credentialFailure);
			if (loginFault && request.idempotent && isTransient(loginFault) && transientRetries < TRANSIENT_RETRIES) {
				await sleep(BACKOFF_BASE_MS * 2 ** transientRetries++);
				continue;
			}
			if (credentialFailure) throw credentialError(node, credentialFailure, request.itemIndex);
			parsed = { fault: classifyThrown(error) };
		}
		if ('ok' in parsed) return parsed.ok;
		if ('fault' in parsed) {
			if (request.idempotent && isTransient(parsed.fault) && transientRetries < TRANSIENT_RETRIES) {
				await sleep(BACKOFF_BASE_MS * 2 ** transientRetries++);
				continue;
			}
			const reconcile = request.reconcile ?? (RESEND_SAFE_ENDPOINTS.includes(request.endpoint) ? sendOnceMore : undefined);
			if (reconcile && !reconciled && answerMayBeLost(parsed.fault)) {
				reconciled = true;
				const applied = await reconcile({ timeoutMs, fault: parsed.fault });
				if (applied) return applied as T;
				continue;
			}
			throw transportError(node, parsed.fault, request.endpoint, request.itemIndex);
		}
		if (await session.renew(parsed.vendor.code)) continue;
		const { code, vendorMessage } = parsed.vendor;
		if (request.reconcile && !reconciled && code !== undefined && request.lostAnswerCodes?.includes(code)) {
			reconciled = true;
			const fault: TransportFault = { kind: 'serverError', status: code, detail: `Yunke's message: ${vendorMessage || '(none)'}` };
			const applied = await request.reconcile({ timeoutMs, fault });
			if (applied) return applied as T;
			continue;
		}
		if (code !== undefined && request.answerCodes?.includes(code)) return { code, msg: vendorMessage } as T;
		throw vendorError(node, parsed.vendor, request.itemIndex, request.vendorErrors);
	}
}

async function send(
	ctx: YunkeContext,
	request: YunkeRequest & { timeoutMs: number },
	responseOptions: Partial<IHttpRequestOptions>,
	credentials: ICredentialDataDecryptedObject,
): Promise<unknown> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.endpoint,
		timeout: request.timeoutMs,
		// a redirect to another host would carry the api_key and the signed body there
		disableFollowRedirect: true,
		...responseOptions,
	};
	if (request.qs) options.qs = request.qs;
	if (request.body) options.body = request.body as IDataObject;
	// the session's own read: n8n would otherwise read and decrypt the credential again for every request
	const credentialsDecrypted = { ...credentialReference(ctx), type: CREDENTIAL_TYPE, data: credentials };
	return await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options, { credentialsDecrypted });
}

function parseEnvelope(raw: unknown, endpoint: string): Parsed<IDataObject> {
	const body = readJson(raw);
	if ('fault' in body) return body;
	if (isSuccessEnvelope(body.ok, endpoint)) return body;
	return { vendor: { code: envelopeCode(body.ok), vendorMessage: envelopeMessage(body.ok), endpoint } };
}

/** A route-not-found page served with HTTP 200 (nginx, ThinkPHP/Laravel error pages). */
const NOT_FOUND_PAGE = /404 Not Found|页面不存在|控制器不存在|方法不存在|路由不存在|route not found/i;

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
	if (NOT_FOUND_PAGE.test(text)) return { fault: { kind: 'http', status: 404, detail: 'a page saying the path does not exist' } };
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

/** The file name of a `Content-Disposition` header; a badly encoded `filename*` falls back to `filename`, never throws. */
function fileNameFrom(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
	if (encoded) {
		try {
			return decodeURIComponent(encoded[1]);
		} catch {
			// bad percent-encoding (e.g. %E4%B8 cut short): use the plain name, or the text as it came
		}
	}
	return /filename="?([^";]+)"?/i.exec(disposition.replace(/filename\*=[^;]*;?/i, ''))?.[1] ?? encoded?.[1];
}

function toBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(new Uint8Array(body));
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return Buffer.alloc(0);
}

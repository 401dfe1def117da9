import { sleep } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { envelopeCode, RESEND_SAFE_ENDPOINTS, envelopeMessage, isSuccessEnvelope } from '../shared/contract';
import type { VendorError } from '../shared/errorCatalogue';
import type { MultipartBody } from '../shared/multipart';
import { CREDENTIAL_TYPE, credentialReference, nodeOf, type YunkeContext } from './context';
import { patienceFor } from './patience';
import { RequestSession } from './requestSession';
import { retryPauseMs } from './retryPause';
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
	timeoutMs?: number;
	/** Messages for codes that mean something narrower on this call (errorCatalogue, e.g. TASK_CREATION_ERRORS). */
	vendorErrors?: Record<number, VendorError>;
	/** Vendor codes answered (the envelope as Yunke sent it) instead of thrown: a caller that adapts to them. */
	answerCodes?: readonly number[];
}

/** What a `reconcile` hook learns about the lost answer: the timeout the call had, the fault, and whether it was the resend's. */
export interface LostAnswer {
	timeoutMs: number;
	fault: TransportFault;
	resent: boolean;
}

/** What a write's `reconcile` hook found out after its answer was lost. */
export type Reconciled<T> =
	/** the write took effect: `result` stands in for what its answer would have given */
	| { kind: 'confirmed'; result: T }
	/** it did not: the transport sends it once more (a second lost answer goes to the hook again, and is not resent) */
	| { kind: 'sendAgain' }
	/** it cannot be told: never sent again on a guess, the transport throws `error` */
	| { kind: 'unknown'; error: Error };

/** A write whose lost answer is settled by looking up its effect instead of sending it again blindly. */
export interface YunkeWrite<T> extends YunkeRequest {
	/** what the caller takes from Yunke's answer; a confirmed `reconcile` gives the same */
	read: (answer: IDataObject) => T;
	reconcile: (lost: LostAnswer) => Promise<Reconciled<T>>;
	/** Vendor codes that leave this write's outcome unknown: settled by `reconcile` like a lost answer. */
	lostAnswerCodes?: readonly number[];
}

export interface DownloadedFile {
	data: Buffer;
	mimeType: string;
	fileName?: string;
}

/** Writes whose repetition changes nothing more (contract RESEND_SAFE_ENDPOINTS): after an ambiguous fault, sent once more. */
async function sendAgain(): Promise<Reconciled<never>> {
	return { kind: 'sendAgain' };
}

type Parsed<T> = { ok: T } | { vendor: VendorFailure } | { fault: TransportFault };
type Reconcile<T> = (lost: LostAnswer) => Promise<Reconciled<T>>;

/** POST JSON or GET query to Yunke; returns the success envelope or throws an English NodeApiError. */
export async function yunkeApiRequest(this: YunkeContext, request: YunkeRequest): Promise<IDataObject> {
	return await sendWithSession(this, request, { json: true }, parseEnvelope, resendSafe(request.endpoint));
}

/**
 * A write with its own `reconcile`: returns what `read` takes from the answer, or what the hook confirmed.
 * The context is a parameter (not `this`), so that `T` is inferred from the request.
 */
export async function yunkeApiWrite<T>(ctx: YunkeContext, request: YunkeWrite<T>): Promise<T> {
	const parse = (raw: unknown, sent: YunkeRequest): Parsed<T> => {
		const parsed = parseEnvelope(raw, sent);
		return 'ok' in parsed ? { ok: request.read(parsed.ok) } : parsed;
	};
	return await sendWithSession(ctx, request, { json: true }, parse, request.reconcile, request.lostAnswerCodes);
}

/** A file download (recordings, Excel exports); a JSON answer instead of a file is read as an error envelope. */
export async function yunkeDownload(this: YunkeContext, request: YunkeRequest): Promise<DownloadedFile> {
	const responseOptions: Partial<IHttpRequestOptions> = { json: false, encoding: 'arraybuffer', returnFullResponse: true };
	return await sendWithSession(this, request, responseOptions, parseDownload, resendSafe(request.endpoint));
}

function resendSafe(endpoint: string): Reconcile<never> | undefined {
	return RESEND_SAFE_ENDPOINTS.includes(endpoint) ? sendAgain : undefined;
}

async function sendWithSession<T>(
	ctx: YunkeContext,
	request: YunkeRequest,
	responseOptions: Partial<IHttpRequestOptions>,
	parse: (raw: unknown, request: YunkeRequest) => Parsed<T>,
	reconcile: Reconcile<T> | undefined,
	lostAnswerCodes: readonly number[] = [],
): Promise<T> {
	const node = nodeOf(ctx);
	const session = await RequestSession.open(ctx, request.itemIndex);
	const { timeoutMs, transientRetries: retriesAllowed } = patienceFor(ctx, request.timeoutMs ?? session.timeoutMs);
	let transientRetries = 0;
	let resent = false;
	/** The hook's verdict on a lost answer: the result, or undefined to send once more (a second time, `stop` is thrown). */
	const settle = async (hook: Reconcile<T>, fault: TransportFault, stop: () => Error): Promise<{ result: T } | undefined> => {
		const outcome = await hook({ timeoutMs, fault, resent });
		if (outcome.kind === 'confirmed') return { result: outcome.result };
		if (outcome.kind === 'unknown') throw outcome.error;
		if (resent) throw stop();
		resent = true;
		return undefined;
	};
	for (;;) {
		let parsed: Parsed<T>;
		try {
			const raw = await session.send(async (credentials) => await send(ctx, { ...request, timeoutMs }, responseOptions, credentials));
			parsed = parse(raw, request);
		} catch (error) {
			const credentialFailure = findCredentialError(error);
			const loginFault = credentialFailure && loginTransportFault(credentialFailure);
			if (loginFault && request.idempotent && isTransient(loginFault) && transientRetries < retriesAllowed) {
				await sleep(retryPauseMs(timeoutMs, transientRetries++));
				continue;
			}
			if (credentialFailure) throw credentialError(node, credentialFailure, request.itemIndex);
			parsed = { fault: classifyThrown(error) };
		}
		if ('ok' in parsed) return parsed.ok;
		if ('fault' in parsed) {
			const { fault } = parsed;
			if (request.idempotent && isTransient(fault) && transientRetries < retriesAllowed) {
				await sleep(retryPauseMs(timeoutMs, transientRetries++));
				continue;
			}
			const stop = () => transportError(node, fault, request.endpoint, request.itemIndex);
			if (!reconcile || !answerMayBeLost(fault)) throw stop();
			const settled = await settle(reconcile, fault, stop);
			if (settled) return settled.result;
			continue;
		}
		if (await session.renew(parsed.vendor.code)) continue;
		const { vendor } = parsed;
		const stop = () => vendorError(node, vendor, request.itemIndex, request.vendorErrors);
		if (!reconcile || vendor.code === undefined || !lostAnswerCodes.includes(vendor.code)) throw stop();
		const fault: TransportFault = { kind: 'serverError', status: vendor.code, detail: `Yunke's message: ${vendor.vendorMessage || '(none)'}` };
		const settled = await settle(reconcile, fault, stop);
		if (settled) return settled.result;
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

function parseEnvelope(raw: unknown, { endpoint, answerCodes }: YunkeRequest): Parsed<IDataObject> {
	const body = readJson(raw);
	if ('fault' in body) return body;
	if (isSuccessEnvelope(body.ok, endpoint)) return body;
	const code = envelopeCode(body.ok);
	if (code !== undefined && answerCodes?.includes(code)) return body;
	return { vendor: { code, vendorMessage: envelopeMessage(body.ok), endpoint } };
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

function parseDownload(raw: unknown, { endpoint }: YunkeRequest): Parsed<DownloadedFile> {
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

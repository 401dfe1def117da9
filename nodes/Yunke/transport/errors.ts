import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { UNVERIFIED_ENDPOINTS } from '../shared/contract';
import { describeVendorCode, type VendorError } from '../shared/errorCatalogue';
import { YunkeCredentialError } from '../shared/loginAndSigning';
import { ownEntry } from '../shared/ownEntry';

export interface VendorFailure {
	code: number | undefined;
	vendorMessage: string;
	endpoint: string;
}

/** A vendor error as n8n users see it: English message, how-to-fix description, vendor code kept in the details. */
export function vendorError(node: INode, failure: VendorFailure, itemIndex?: number, overrides?: Record<number, VendorError>): NodeApiError {
	const known = describeVendorCode(failure.code, failure.vendorMessage, overrides);
	const vendorText = failure.vendorMessage || known.vendorMessage;
	return new NodeApiError(
		node,
		{ code: failure.code ?? null, vendorMessage: vendorText, endpoint: failure.endpoint } as JsonObject,
		{
			message: `${known.message} (Yunke code ${failure.code ?? 'none'})`,
			description: `${known.description} Vendor message: ${vendorText || '(none)'}. Endpoint: ${failure.endpoint}.`,
			httpCode: failure.code === undefined ? undefined : String(failure.code),
			itemIndex,
		},
	);
}

/** `serverError`: a vendor code 500 answer to a write that may have been applied first (request.ts `lostAnswerCodes`). */
export type TransportFaultKind = 'refused' | 'reset' | 'timeout' | 'dns' | 'http' | 'serverError' | 'notJson' | 'empty' | 'canceled' | 'unknown';

export interface TransportFault {
	kind: TransportFaultKind;
	status?: number;
	detail: string;
}

const NETWORK_CODES: Record<string, TransportFaultKind> = {
	ECONNREFUSED: 'refused',
	ECONNRESET: 'reset',
	EPIPE: 'reset',
	ERR_STREAM_PREMATURE_CLOSE: 'reset',
	ETIMEDOUT: 'timeout',
	ECONNABORTED: 'timeout',
	ESOCKETTIMEDOUT: 'timeout',
	ENOTFOUND: 'dns',
	EAI_AGAIN: 'dns',
	ERR_CANCELED: 'canceled',
};

/** Finds out what went wrong below the vendor protocol from whatever n8n's request helper threw. */
export function classifyThrown(error: unknown): TransportFault {
	const chain: Array<Record<string, unknown>> = [];
	let current = error as Record<string, unknown> | undefined;
	while (current && typeof current === 'object' && chain.length < 5) {
		chain.push(current);
		current = (current.cause ?? current.reason) as Record<string, unknown> | undefined;
	}
	for (const link of chain) {
		const code = typeof link.code === 'string' ? link.code : undefined;
		const kind = code === undefined ? undefined : ownEntry(NETWORK_CODES, code);
		if (code && kind) return { kind, detail: code };
	}
	for (const link of chain) {
		const response = link.response as { status?: number } | undefined;
		const status = response?.status ?? (typeof link.httpCode === 'string' ? Number(link.httpCode) : undefined);
		if (status && Number.isFinite(status)) return { kind: 'http', status, detail: `HTTP ${status}` };
	}
	const text = chain.map((link) => String(link.message ?? '')).join(' ');
	if (/timeout|timed out/i.test(text)) return { kind: 'timeout', detail: 'timeout' };
	if (/refused/i.test(text)) return { kind: 'refused', detail: 'connection refused' };
	if (/socket hang up|reset/i.test(text)) return { kind: 'reset', detail: 'connection reset' };
	if (/cancel|abort/i.test(text)) return { kind: 'canceled', detail: 'canceled' };
	// not a known network fault: neither retried nor reported as one
	return { kind: 'unknown', detail: text.slice(0, 200) || 'no error message' };
}

const FAULT_TEXT: Record<TransportFaultKind, { message: string; description: string }> = {
	refused: {
		message: 'Could not connect to the Yunke server: the connection was refused',
		description: 'Check the Base URL in the Yunke API credential (scheme, host and port) and that the server is online.',
	},
	reset: {
		message: 'The connection to the Yunke server broke before an answer arrived',
		description: 'The network or the server closed the connection. Try again; if it persists, check proxies between n8n and Yunke.',
	},
	timeout: {
		message: 'The Yunke server did not answer in time',
		description: 'The request timed out. Try again later, or raise the Timeout option of the node.',
	},
	dns: {
		message: 'The Yunke server address could not be found',
		description: 'The host name in the Base URL of the Yunke API credential does not resolve. Check it for typos.',
	},
	http: {
		message: 'The Yunke server answered with an HTTP error',
		description: 'Check that the Base URL is the console address of your tenant. Server errors (5xx) are usually temporary: try again later.',
	},
	serverError: {
		message: 'Yunke answered with a server error (code 500)',
		description: 'Code 500 ("服务端错误") says only that the server failed; it does not say whether the request was applied first.',
	},
	notJson: {
		message: 'The Yunke server answered with something that is not JSON',
		description:
			'This usually means the Base URL points at a web page or proxy instead of the Yunke API, or the server failed. Check the Base URL in the credential.',
	},
	empty: {
		message: 'The Yunke server sent an empty answer',
		description: 'The server closed the request without a body. Try again; if it persists, contact Yunke support.',
	},
	canceled: {
		message: 'The request to Yunke was canceled',
		description: 'The execution was stopped while the request was running.',
	},
	unknown: {
		message: 'The request to Yunke failed with an unexpected error',
		description:
			'It is not known whether the request reached Yunke, so it was not sent again. Check the result in Yunke before running a write again; the detail below says what failed.',
	},
};

const REDIRECT_TEXT = {
	message: 'The Yunke server redirected the request; the redirect was not followed',
	description:
		'Requests never follow redirects, so that the api_key is not sent to another address. Set the Base URL of the credential to the address of your tenant itself (check http:// versus https:// and the host name).',
};

/** What a missing path means: a guess of this package that the tenant does not have, or a wrong Base URL. */
function missingPathText(endpoint: string): { message: string; description: string } {
	const guessed = UNVERIFIED_ENDPOINTS.includes(endpoint);
	return {
		message: `Yunke has no path ${endpoint} (HTTP 404)`,
		description: guessed
			? `The vendor documentation does not confirm this path; this package assumed it, and your tenant does not have it. Report it to the node maintainers with your platform version, and use Extra Vendor Fields or the HTTP Request node with the path Yunke support gives you.`
			: 'Check that the Base URL is the web console address of your tenant, without a path after the host.',
	};
}

/** The message and description of a fault; an HTTP status other than 404 is named in the message. */
function faultText(fault: TransportFault, endpoint: string): { message: string; description: string } {
	if (fault.kind !== 'http') return FAULT_TEXT[fault.kind];
	const status = fault.status ?? 0;
	if (status === 404) return missingPathText(endpoint);
	const shown = status ? ` ${status}` : '';
	if (status >= 300 && status < 400) return { ...REDIRECT_TEXT, message: `${REDIRECT_TEXT.message} (HTTP${shown})` };
	return { ...FAULT_TEXT.http, message: `${FAULT_TEXT.http.message}${shown}` };
}

export function transportError(node: INode, fault: TransportFault, endpoint: string, itemIndex?: number): NodeApiError {
	const text = faultText(fault, endpoint);
	return new NodeApiError(node, { fault: fault.kind, detail: fault.detail, endpoint } as JsonObject, {
		message: text.message,
		description: `${text.description} Endpoint: ${endpoint}. Detail: ${fault.detail}.`,
		httpCode: fault.status ? String(fault.status) : undefined,
		itemIndex,
	});
}

/**
 * The one rule for writes: did the request perhaps reach Yunke, with no usable answer back (a timeout or
 * reset after sending, an empty or broken answer, HTTP 5xx, a code 500 to a creation)? Then Yunke may
 * have applied it, and it must not be sent again on a guess. A connection that was never made (refused, DNS failure) and a request the
 * server turned away (HTTP 4xx, 429 included) reached nothing that could have applied it.
 */
export function answerMayBeLost(fault: TransportFault): boolean {
	if (fault.kind === 'http') return (fault.status ?? 0) >= 500;
	return fault.kind === 'serverError' || fault.kind === 'reset' || fault.kind === 'timeout' || fault.kind === 'empty' || fault.kind === 'notJson';
}

/** Transient faults worth retrying for requests that change nothing on the server. */
export function isTransient(fault: TransportFault): boolean {
	if (fault.kind === 'http') return (fault.status ?? 0) >= 500 || fault.status === 429;
	return fault.kind === 'reset' || fault.kind === 'timeout' || fault.kind === 'empty' || fault.kind === 'notJson';
}

/**
 * A login request that failed below the vendor protocol (no answer, a reset, DNS): a login error. The
 * request that needed the login was never sent, so a write is not "maybe applied".
 */
export function loginFault(error: unknown): YunkeCredentialError {
	if (error instanceof YunkeCredentialError) return error;
	const fault = classifyThrown(error);
	const text = FAULT_TEXT[fault.kind];
	const message = `${text.message.charAt(0).toLowerCase()}${text.message.slice(1)}`;
	return Object.assign(new YunkeCredentialError(`Yunke login failed: ${message}`, `${text.description} The request that needed the login was not sent. Detail: ${fault.detail}.`), { fault });
}

/** The network fault of a login that failed below the vendor protocol (a read may try it again). */
export function loginTransportFault(failure: YunkeCredentialError): TransportFault | undefined {
	return (failure as YunkeCredentialError & { fault?: TransportFault }).fault;
}

/** The login failure inside whatever n8n wrapped it in, if the failure was the login. */
export function findCredentialError(error: unknown): YunkeCredentialError | undefined {
	let current = error as { cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (current instanceof YunkeCredentialError) return current;
		current = current.cause as { cause?: unknown } | undefined;
	}
	return undefined;
}

export function credentialError(node: INode, failure: YunkeCredentialError, itemIndex?: number): NodeApiError {
	return new NodeApiError(node, { code: failure.vendorCode ?? null, stage: 'login' } as JsonObject, {
		message: failure.message,
		description: failure.description,
		httpCode: failure.vendorCode === undefined ? undefined : String(failure.vendorCode),
		itemIndex,
	});
}

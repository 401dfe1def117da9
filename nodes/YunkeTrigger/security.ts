import { randomBytes, timingSafeEqual } from 'node:crypto';

import { TRIGGER_TOKEN_PARAMETER } from '../Yunke/shared/contract';

export const TOKEN_QUERY_PARAMETER = TRIGGER_TOKEN_PARAMETER;
export const DEFAULT_MAX_BODY_KB = 512;
/** A manual Secret Token shorter than this is refused: it could be guessed. */
export const MIN_MANUAL_TOKEN_LENGTH = 16;

/** A fresh secret for the callback URL: 32 hex characters (128 bits). */
export function generateToken(): string {
	return randomBytes(16).toString('hex');
}

/** The URL to register with Yunke: the webhook URL with the secret token as a query parameter. */
export function urlWithToken(webhookUrl: string, token: string): string {
	const url = new URL(webhookUrl);
	url.searchParams.set(TOKEN_QUERY_PARAMETER, token);
	return url.toString();
}

/** Constant-time comparison, so the token cannot be guessed one character at a time. */
export function tokenMatches(expected: string, received: unknown): boolean {
	if (!expected || typeof received !== 'string' || received.length === 0) return false;
	const a = Buffer.from(expected, 'utf8');
	const b = Buffer.from(received, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Body size in bytes: of the raw body n8n read (every content type but multipart), else the
 * declared Content-Length, else (chunked multipart) measured from the fields and files n8n parsed.
 */
export function bodySize(rawBody: Buffer | undefined, contentLength: unknown, parsedBody?: unknown): number {
	if (rawBody) return rawBody.length;
	const declared = typeof contentLength === 'string' && contentLength.trim() !== '' ? Number(contentLength) : NaN;
	if (Number.isFinite(declared)) return declared;
	return measured(parsedBody);
}

function measured(body: unknown): number {
	if (body === undefined || body === null) return 0;
	if (typeof body === 'string') return Buffer.byteLength(body, 'utf8');
	if (Buffer.isBuffer(body)) return body.length;
	const { files, ...fields } = body as { files?: unknown };
	let size = Buffer.byteLength(JSON.stringify(fields) ?? '', 'utf8');
	for (const file of [files && typeof files === 'object' ? Object.values(files) : []].flat(2)) {
		const fileSize = Number((file as { size?: unknown } | null)?.size);
		size += Number.isFinite(fileSize) ? fileSize : 0;
	}
	return size;
}

import { randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_QUERY_PARAMETER = 'token';
export const DEFAULT_MAX_BODY_KB = 512;

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

/** Body size in bytes from the raw body n8n read, or from Content-Length when it was not read. */
export function bodySize(rawBody: Buffer | undefined, contentLength: unknown): number {
	if (rawBody) return rawBody.length;
	const declared = Number(contentLength);
	return Number.isFinite(declared) ? declared : 0;
}

import { CALLBACK_URL_PATTERN } from './contract';

/** Yunke accepts only absolute http:// or https:// callback URLs (9.1). */
export function isHttpUrl(text: string): boolean {
	if (!CALLBACK_URL_PATTERN.test(text)) return false;
	try {
		const url = new URL(text);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

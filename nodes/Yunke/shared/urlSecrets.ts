import { TRIGGER_TOKEN_PARAMETER } from './contract';

const TOKEN_IN_URL = new RegExp(`([?&]${TRIGGER_TOKEN_PARAMETER}=)[^&#\\s"]*`, 'gi');

/** A URL (or any text holding one) with the Yunke Trigger's secret token replaced by `***`. */
export function maskToken(text: string): string {
	return text.replace(TOKEN_IN_URL, '$1***');
}

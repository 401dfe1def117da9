import type { IDataObject } from 'n8n-workflow';

/** A resource locator inside a collection arrives as `{ __rl, mode, value }` (or plain text from an expression). */
export function nestedLocatorValue(raw: unknown): string {
	if (raw && typeof raw === 'object') return String((raw as IDataObject).value ?? '').trim();
	return String(raw ?? '').trim();
}

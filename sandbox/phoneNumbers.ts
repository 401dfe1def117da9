import type { SandboxShapes } from './readings';

/**
 * The tenant's reading of phone numbers. Every public sample (5.7.2 rows, 8.1 entries, 6.1 records,
 * pushes) holds a bare mainland number such as 15899770637; nothing documents that the platform
 * cleans a number up before it stores or compares it.
 */

/** The digits a written number comes down to: ASCII digits, no separators, no 86 / 0086 / +86 country code. */
export function samePersonKey(text: string): string {
	let digits = String(text)
		.replace(/[\uFF10-\uFF19]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
		.replace(/\uFF0B/g, '+')
		.replace(/[^\d+]/g, '');
	if (digits.startsWith('+')) digits = `00${digits.slice(1)}`;
	if (digits.startsWith('0086')) {
		const national = digits.slice(4);
		// written internationally, a landline's area code loses its 0
		return /^(1|0|[48]00)/.test(national) ? national : `0${national}`;
	}
	if (/^861\d{10}$/.test(digits)) return digits.slice(2);
	return digits;
}

/** What the platform can dial: a mobile, a landline with its area code, or a 400/800 number. */
export function isDiallable(text: string): boolean {
	return /^(1\d{10}|0\d{9,11}|[48]00\d{7})$/.test(samePersonKey(text));
}

/** The form a number is stored in and compared under: as sent (`exact`) or its digits (`normalised`). */
export function storedPhone(shapes: SandboxShapes, text: unknown): string {
	const sent = text === undefined || text === null ? '' : String(text).trim();
	return shapes.phoneMatch === 'exact' ? sent : samePersonKey(sent);
}

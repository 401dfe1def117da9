import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/**
 * Phone numbers in the one form Yunke stores them: bare mainland digits (every vendor sample and
 * public client: `15899770637`, `18027465792`). The platform matches numbers as given — its duplicate
 * check within a task, the do-not-disturb list (8.x), cancel by number (5.3.2) and the `phone` filters —
 * so the same person written two ways would be two people. Every number the node sends goes through here.
 *
 * Rules (mainland numbering plan):
 * - full-width digits and plus become ASCII; spaces, dashes, dots and brackets go;
 * - `+86`, `0086`, or a bare `86` before an 11-digit mobile is the country code and goes;
 * - mobiles: 11 digits, 1[3-9]…;
 * - landlines keep their area code, which starts with 0 (`010-12345678` → `01012345678`); after `+86`
 *   or `0086` the area code is written without its 0, which comes back (`+86 10 1234 5678` → `01012345678`);
 * - service numbers stay as they are: 400/800 + 7 digits, 95xxx(xx), five-digit 1xxxx (10086, 12345);
 * - a local landline without area code (7 or 8 digits, not starting with 0 or 1) is kept as given;
 * - anything else, and numbers with another country code, are not numbers Yunke can dial.
 */

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0B]/g;
const SEPARATORS = /[\s\u3000\-\u2010-\u2015\uFF0D.\uFF0E()\uFF08\uFF09[\]]/g;

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE_WITH_AREA_CODE = /^0[1-9]\d{8,10}$/;
const SERVICE = /^([48]00\d{7}|95\d{3,6}|1\d{4})$/;
const LOCAL_LANDLINE = /^[2-9]\d{6,7}$/;

export const PHONE_NUMBER_HELP =
	'Use a mainland number: an 11-digit mobile such as 13800138000 (a +86, 0086 or 86 prefix, spaces, dashes, dots and brackets are removed), ' +
	'a landline with its area code such as 010-12345678, or a service number such as 400-123-4567';

/** The number as Yunke stores it, or undefined when the value is not a number Yunke can dial. */
export function normalisePhoneNumber(raw: unknown): string | undefined {
	if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
	const text = String(raw)
		.trim()
		.replace(FULL_WIDTH, (char) => (char === '\uFF0B' ? '+' : String.fromCharCode(char.charCodeAt(0) - 0xfee0)))
		.replace(SEPARATORS, '');
	if (!/^\+?\d+$/.test(text)) return undefined;
	const national = nationalPart(text);
	if (national === undefined) return undefined;
	return [MOBILE, LANDLINE_WITH_AREA_CODE, SERVICE, LOCAL_LANDLINE].some((pattern) => pattern.test(national)) ? national : undefined;
}

/** The number without its country code; undefined for another country. */
function nationalPart(digits: string): string | undefined {
	let rest: string;
	if (digits.startsWith('+86')) rest = digits.slice(3);
	else if (digits.startsWith('+')) return undefined;
	else if (digits.startsWith('0086')) rest = digits.slice(4);
	else if (/^861[3-9]\d{9}$/.test(digits)) return digits.slice(2);
	else return digits;
	// international form: an area code without its leading 0
	if (MOBILE.test(rest) || SERVICE.test(rest) || rest.startsWith('0')) return rest;
	return `0${rest}`;
}

/** A "name or phone contains" search: a whole number is searched in Yunke's form, anything else as typed. */
export function nameOrPhoneSearch(raw: unknown): string {
	const text = String(raw ?? '').trim();
	return normalisePhoneNumber(text) ?? text;
}

/** An input item not sent because an earlier item of the same import has its number. */
export interface RepeatedNumber {
	itemIndex: number;
	duplicateOf: number;
	phone: string;
}

/** The output item of a repeated number, paired with its input item; `context` names where it was not sent. */
export function repeatedNumberItem({ itemIndex, duplicateOf, phone }: RepeatedNumber, context: IDataObject): INodeExecutionData {
	return { json: { ...context, notSent: true, reason: `same number as item ${duplicateOf}`, duplicateOf, phone }, pairedItem: { item: itemIndex } };
}

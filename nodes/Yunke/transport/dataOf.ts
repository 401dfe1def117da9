import type { IDataObject } from 'n8n-workflow';

/**
 * The `data` object of a vendor answer (`{ code, msg, data }`), or an empty object where the answer has
 * none or holds something else there (PHP writes an empty `data` as `[]`), so callers read its fields safely.
 */
export function dataOf(answer: IDataObject): IDataObject {
	const data = answer.data;
	return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : {};
}

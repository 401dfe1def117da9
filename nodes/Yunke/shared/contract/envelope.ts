import { ENDPOINTS } from './endpoints';

/**
 * Endpoints that answer a bare record, with neither `code` nor `data`. 3.5 `roleEditapi`: the docs'
 * answer is the role object itself (`name`, `display_name`, `description`, `perms`, `permissionAll`,
 * `id`).
 */
export const BARE_RECORD_ENDPOINTS: readonly string[] = [ENDPOINTS.roleGet];

/**
 * Envelope rule (1.3; docs/vendor-facts.md, "Answers"): success = `code` 0 or 200, or `rst` "200", or a list shape
 * (`total` with `data`/`datas`/`list`) that has no non-zero `code`; HTTP status is 200 for business errors.
 * On BARE_RECORD_ENDPOINTS a record with an `id` and no `code`/`rst` is a success too.
 */
export function isSuccessEnvelope(body: Record<string, unknown>, endpoint?: string): boolean {
	if (endpoint && BARE_RECORD_ENDPOINTS.includes(endpoint) && body.code === undefined && body.rst === undefined && 'id' in body) return true;
	const code = body.code === undefined || body.code === null || body.code === '' ? undefined : Number(body.code);
	if (code === 0 || code === 200) return true;
	if (body.rst !== undefined) return String(body.rst) === '200';
	if (code !== undefined) return false;
	const hasList = 'data' in body || 'datas' in body || 'list' in body;
	return hasList || 'total' in body || 'current_page' in body;
}

export function envelopeCode(body: Record<string, unknown>): number | undefined {
	const raw = body.code ?? body.rst;
	if (raw === undefined || raw === null || raw === '') return undefined;
	const code = Number(raw);
	return Number.isFinite(code) ? code : undefined;
}

export function envelopeMessage(body: Record<string, unknown>): string {
	const message = body.msg ?? body.message ?? '';
	return typeof message === 'string' ? message : JSON.stringify(message);
}

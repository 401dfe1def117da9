import type { ILoadOptionsFunctions } from 'n8n-workflow';

import type { YunkeContext } from './context';

/** How long one request may wait for its answer, and how often a read that met a transient fault is sent again. */
export interface Patience {
	timeoutMs: number;
	transientRetries: number;
}

const TRANSIENT_RETRIES = 3;

/**
 * A dropdown, resource locator or Columns mapper in the editor: a person waits at it. It waits at most
 * this long for each answer and tries once more after a transient fault, so that a tenant that stops
 * answering shows an error there in about half a minute rather than after four full Request Timeouts.
 */
export const EDITOR_LOOKUP: Patience = { timeoutMs: 15_000, transientRetries: 1 };

/** Only n8n's context for the editor's lookups has `getCurrentNodeParameters`. */
function isEditorLookup(ctx: YunkeContext): boolean {
	return typeof (ctx as Partial<ILoadOptionsFunctions>).getCurrentNodeParameters === 'function';
}

/** The request's own timeout, or the credential's Request Timeout; shorter for the editor's lookups. */
export function patienceFor(ctx: YunkeContext, timeoutMs: number): Patience {
	if (!isEditorLookup(ctx)) return { timeoutMs, transientRetries: TRANSIENT_RETRIES };
	return { timeoutMs: Math.min(timeoutMs, EDITOR_LOOKUP.timeoutMs), transientRetries: EDITOR_LOOKUP.transientRetries };
}

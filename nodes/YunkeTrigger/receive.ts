import type { IDataObject } from 'n8n-workflow';

import { PUSH_ACK } from '../Yunke/shared/contract';
import { firstDelivery } from './dedupe';
import { lookupKeys } from './dedupeKey';
import { filteredOutBecause, type PushFilters } from './filters';
import { readBody, readPush } from './payload';
import { bodySize, TOKEN_QUERY_PARAMETER, tokenMatches } from './security';

export interface PushRequest {
	query: IDataObject;
	contentLength: unknown;
	body: unknown;
	rawBody?: Buffer;
}

export interface ReceiveSettings {
	/** Empty = no token configured yet: every push is rejected. */
	expectedToken: string;
	maxBodyBytes: number;
	filters: PushFilters;
	dedupeWindow: number;
	/** Workflow id + node id: the scope of the duplicate window. */
	triggerId: string;
	/** The clock (tests); defaults to now. */
	now?: number;
}

export type Verdict = 'accepted' | 'duplicate' | 'filtered' | 'forbidden' | 'tooLarge' | 'malformed';

export interface Outcome {
	verdict: Verdict;
	status: number;
	/** The plain-text answer: PUSH_ACK whenever Yunke must stop retrying. */
	answer: string;
	emit?: IDataObject;
	detail?: string;
	/** The keys the duplicate window looks the push up by; an accepted push is remembered by the first. */
	keys?: string[];
}

/**
 * Decides what happens to one push. Yunke retries every push not answered with PUSH_ACK, so
 * duplicates and filtered-out events are acknowledged too; only pushes that are not ours (no token),
 * too large or unreadable get an error status, and none of those is emitted.
 */
export function receivePush(request: PushRequest, settings: ReceiveSettings, staticData: IDataObject): Outcome {
	if (!tokenMatches(settings.expectedToken, request.query[TOKEN_QUERY_PARAMETER])) {
		return { verdict: 'forbidden', status: 403, answer: 'Forbidden: the push URL lacks the secret token of this Yunke Trigger' };
	}
	if (bodySize(request.rawBody, request.contentLength, request.body) > settings.maxBodyBytes) {
		return { verdict: 'tooLarge', status: 413, answer: `Payload Too Large: pushes may have at most ${settings.maxBodyBytes} bytes` };
	}
	const reading = readPush(readBody(request.body, request.rawBody));
	if ('problem' in reading) return { verdict: 'malformed', status: 400, answer: `Bad Request: ${reading.problem}` };
	const { push } = reading;
	const filteredBecause = filteredOutBecause(push, settings.filters);
	if (filteredBecause) return { verdict: 'filtered', status: 200, answer: PUSH_ACK, detail: filteredBecause };
	const now = settings.now ?? Date.now();
	const keys = lookupKeys(push.event, push.dedupeKey, now);
	if (!firstDelivery(settings.triggerId, staticData, keys, settings.dedupeWindow, now)) {
		return { verdict: 'duplicate', status: 200, answer: PUSH_ACK, detail: push.dedupeKey, keys };
	}
	// The Task filter cannot place a call result without a task: it is passed on, marked.
	const emit = settings.filters.taskSn && !push.taskSn ? { ...push.json, taskUnknown: true } : push.json;
	return { verdict: 'accepted', status: 200, answer: PUSH_ACK, emit, keys };
}

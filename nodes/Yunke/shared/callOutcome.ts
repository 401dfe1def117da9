import type { IDataObject } from 'n8n-workflow';

import { CONNECTED_REASON, HANGUP_REASON_NAMES, INTENT_LEVELS } from './contract';
import { ownEntry } from './ownEntry';

/**
 * What one call record says of its call, read the same way from a call-result push (6.6.1) and from
 * the call-record list (6.1): whether it was answered, the AI intent level, the talk time and the
 * hang-up reason in English.
 */
export interface CallOutcome {
	/** undefined when the record carries none of talktimes, connected_at and hangup_reason */
	answered: boolean | undefined;
	intentLevel: string;
	talkSeconds: number;
	hangupReason: string;
}

export function callOutcomeOf(record: IDataObject): CallOutcome {
	const reason = text(record.hangup_reason);
	const talkSeconds = Number(record.talktimes);
	const answered = answeredOf(record, reason);
	return {
		answered,
		intentLevel: intentLevelOf(record.status),
		talkSeconds: Number.isFinite(talkSeconds) ? talkSeconds : 0,
		hangupReason: reason ? (ownEntry(HANGUP_REASON_NAMES as Record<string, string>, reason) ?? reason) : answered ? HANGUP_REASON_NAMES[CONNECTED_REASON] : '',
	};
}

/**
 * Whether the call was answered: from the talk time or the time it connected (6.6.1's sample carries them;
 * `hangup_reason` is in no public push sample, and public clients count `talktimes > 0` as answered),
 * else from the hang-up reason; undefined when the record carries none of them.
 */
function answeredOf(record: IDataObject, reason: string): boolean | undefined {
	const talkSeconds = Number(record.talktimes);
	const talked = has(record, 'talktimes') && Number.isFinite(talkSeconds) ? talkSeconds > 0 : undefined;
	const connectedAt = text(record.connected_at);
	const connected = has(record, 'connected_at') ? connectedAt !== '' && !/^0{4}-0{2}-0{2}/.test(connectedAt) : undefined;
	if (talked !== undefined || connected !== undefined) return talked === true || connected === true;
	return reason ? reason === CONNECTED_REASON : undefined;
}

/** `status` holds the AI intent level; some tenants write it as "A" and others as "A级". */
export function intentLevelOf(status: unknown): string {
	const letter = text(status).charAt(0).toUpperCase();
	return (INTENT_LEVELS as readonly string[]).includes(letter) ? letter : '';
}

function has(record: IDataObject, key: string): boolean {
	return record[key] !== undefined && record[key] !== null;
}

function text(value: unknown): string {
	if (value === undefined || value === null) return '';
	return (typeof value === 'object' ? JSON.stringify(value) : String(value)).trim();
}

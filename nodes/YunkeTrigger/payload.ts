import type { IDataObject } from 'n8n-workflow';

import { PUSH_SN_MAX_LENGTH } from '../Yunke/shared/contract';
import { callOutcomeOf } from '../Yunke/shared/callOutcome';
import { canonicalJson } from './dedupeKey';

export { intentLevelOf } from '../Yunke/shared/callOutcome';

export type PushEvent = 'callResult' | 'importFinished';

export interface Push {
	event: PushEvent;
	/** Identifies a delivery, so that retries and duplicates of it can be dropped. */
	dedupeKey: string;
	taskSn: string;
	/** The item the trigger emits: the vendor's record plus normalised English helper fields. */
	json: IDataObject;
}

export type PushReading = { push: Push } | { problem: string };

/**
 * The push body as an object. n8n has already parsed JSON, form-encoded and text bodies; this also
 * unwraps a form field holding JSON (`data={...}`) and a JSON text sent with a form content type.
 */
export function readBody(body: unknown, rawBody?: Buffer): IDataObject | undefined {
	if (typeof body === 'string') return parseObject(body);
	if (Buffer.isBuffer(body)) return parseObject(body.toString('utf8'));
	if (!isObject(body) || Object.keys(body).length === 0) {
		return rawBody && rawBody.length > 0 ? parseObject(rawBody.toString('utf8')) : undefined;
	}
	const entries = Object.entries(body);
	if (entries.length === 1) {
		const [key, value] = entries[0];
		const wrapped = typeof value === 'string' ? parseObject(value) : undefined;
		if (wrapped) return wrapped;
		const keyIsJson = value === '' || value === undefined ? parseObject(key) : undefined;
		if (keyIsJson) return keyIsJson;
	}
	return body;
}

/** Tells a call result (6.6.1) from an import result (5.7.15) and adds the helper fields. */
export function readPush(body: IDataObject | undefined): PushReading {
	if (!body) return { problem: 'The body is not a JSON object (nor a form holding one)' };
	if (body.sn !== undefined && body.sn !== null && (typeof body.sn !== 'string' || body.sn.length > PUSH_SN_MAX_LENGTH)) {
		return { problem: `The "sn" field must be a text of at most ${PUSH_SN_MAX_LENGTH} characters` };
	}
	const sn = text(body.sn);
	const taskSn = text(body.dial_task_main_sn);
	if (!sn && taskSn && body.import_mark !== undefined) return { push: importPush(body, taskSn) };
	if (sn) return { push: callResultPush(body, sn, taskSn) };
	return { problem: 'The body is neither a call result (no "sn") nor an import result (no "dial_task_main_sn" with "import_mark")' };
}

function callResultPush(record: IDataObject, sn: string, taskSn: string): Push {
	const { answered, intentLevel, talkSeconds, hangupReason } = callOutcomeOf(record);
	const undecided = [...(answered === undefined ? ['answered'] : []), ...(taskSn ? [] : ['task']), ...(has(record, 'status') ? [] : ['intentLevel'])];
	return {
		event: 'callResult',
		dedupeKey: sn,
		taskSn,
		json: {
			...record,
			event: 'callResult',
			answered: answered ?? false,
			intentLevel,
			taskSn,
			talkSeconds,
			hangupReason,
			...(undecided.length > 0 ? { undecided, undecidedNote: undecidedNote(undecided) } : {}),
		},
	};
}

const UNDECIDED_TEXT: Record<string, string> = {
	answered: 'whether it was answered (no talktimes, connected_at or hangup_reason)',
	task: 'its task (no dial_task_main_sn)',
	intentLevel: 'its intent level (no status)',
};

/** What the trigger's filters could not decide for this push, said once in the item. */
function undecidedNote(undecided: string[]): string {
	return `The push does not say ${undecided.map((key) => UNDECIDED_TEXT[key]).join(', nor ')}: filters on it let the push through.`;
}

function has(record: IDataObject, key: string): boolean {
	return record[key] !== undefined && record[key] !== null;
}

function importPush(body: IDataObject, taskSn: string): Push {
	const mark = typeof body.import_mark === 'string' ? (parseObject(body.import_mark) ?? body.import_mark) : body.import_mark;
	const succeeded = isObject(mark);
	const counts = succeeded ? (mark as IDataObject) : {};
	const json: IDataObject = {
		...body,
		import_mark: mark as IDataObject | string,
		event: 'importFinished',
		taskSn,
		succeeded,
		failureReason: succeeded ? '' : text(mark),
		totalCount: toCount(counts.totalCount),
		successCount: toCount(counts.successCount),
		failCount: toCount(counts.failCount),
	};
	return { event: 'importFinished', dedupeKey: identityOf(json), taskSn, json };
}

/**
 * What tells one push from another, read from the item the trigger emits (so the execution can
 * recompute it): a call result's `sn`; for an import result, everything it carries.
 */
export function identityOf(json: IDataObject): string {
	return json.event === 'importFinished' ? `import|${canonicalJson(json)}` : text(json.sn);
}

function parseObject(value: string): IDataObject | undefined {
	const trimmed = value.trim();
	if (!trimmed.startsWith('{')) return undefined;
	try {
		const parsed = JSON.parse(trimmed) as unknown;
		return isObject(parsed) ? parsed : undefined;
	} catch {
		return undefined;
	}
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

function text(value: unknown): string {
	if (value === undefined || value === null) return '';
	return (typeof value === 'object' ? JSON.stringify(value) : String(value)).trim();
}

function toCount(value: unknown): number {
	const number = Number(value);
	return Number.isFinite(number) ? number : 0;
}

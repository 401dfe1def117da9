import type { IDataObject } from 'n8n-workflow';

import { PUSH_ACK } from '../../nodes/Yunke/shared/contract';
import { firstDelivery, forgetTrigger, PERSIST_EVERY_KEYS, PERSIST_EVERY_MS, RecentKeys } from '../../nodes/YunkeTrigger/dedupe';
import { filteredOutBecause, type PushFilters } from '../../nodes/YunkeTrigger/filters';
import { intentLevelOf, readBody, readPush } from '../../nodes/YunkeTrigger/payload';
import { receivePush, type PushRequest, type ReceiveSettings } from '../../nodes/YunkeTrigger/receive';
import { tokenMatches, urlWithToken } from '../../nodes/YunkeTrigger/security';
import { pushOf } from '../helpers/pushes';

const RECORD = {
	id: 12003,
	sn: 'account|a6505ba317705377bc3f8c889f36a341',
	dial_task_main_sn: 'dial_task_main_sn|1427a04cae36a5b7161c0b04b9206fa4',
	phone: '15899770637',
	talktimes: 42,
	status: 'B',
	hangup_reason: '已接通',
	connected_at: '2024-07-02 15:03:24',
};
const IMPORT = {
	dial_task_main_sn: 'dial_task_main_sn|1427a04cae36a5b7161c0b04b9206fa4',
	import_mark: { totalCount: 3, failCount: 1, successCount: 2 },
};
const TOKEN = 'f00dbabe0123456789abcdef01234567';

describe('payload reading', () => {
	it('reads a JSON call result and adds the English helper fields', () => {
		const { event, dedupeKey, taskSn, json } = pushOf(RECORD);
		expect({ event, dedupeKey, taskSn }).toEqual({ event: 'callResult', dedupeKey: RECORD.sn, taskSn: RECORD.dial_task_main_sn });
		expect(json).toEqual({
			...RECORD,
			event: 'callResult',
			answered: true,
			intentLevel: 'B',
			taskSn: RECORD.dial_task_main_sn,
			talkSeconds: 42,
			hangupReason: 'Connected',
		});
	});

	it('marks unanswered calls and translates the hang-up reason', () => {
		const { json } = pushOf({ sn: 'account|x', talktimes: '0', status: '', hangup_reason: '无人应答' });
		expect(json).toMatchObject({ answered: false, intentLevel: '', talkSeconds: 0, hangupReason: 'No Answer' });
	});

	it('falls back to talk time when the hang-up reason is missing', () => {
		expect(pushOf({ sn: 'account|y', talktimes: '7' }).json.answered).toBe(true);
		expect(pushOf({ sn: 'account|z', talktimes: 0 }).json.answered).toBe(false);
	});

	it('reads intent levels written as "A级" and ignores other values', () => {
		expect(intentLevelOf('A级')).toBe('A');
		expect(intentLevelOf('f')).toBe('F');
		expect(intentLevelOf('G')).toBe('');
		expect(intentLevelOf(undefined)).toBe('');
	});

	it('reads an import result, successful or failed', () => {
		const ok = pushOf(IMPORT);
		expect(ok.event).toBe('importFinished');
		expect(ok.json).toMatchObject({ succeeded: true, failureReason: '', totalCount: 3, successCount: 2, failCount: 1, taskSn: IMPORT.dial_task_main_sn });
		const failed = pushOf({ dial_task_main_sn: IMPORT.dial_task_main_sn, import_mark: '模板不匹配' });
		expect(failed.json).toMatchObject({ succeeded: false, failureReason: '模板不匹配', totalCount: 0 });
		expect(failed.dedupeKey).not.toBe(ok.dedupeKey);
	});

	it('unwraps form bodies: flat fields, a field holding JSON, JSON posted as a form key, text and raw bodies', () => {
		expect(readBody({ sn: 'account|1', phone: '1' })).toEqual({ sn: 'account|1', phone: '1' });
		expect(readBody({ data: JSON.stringify(RECORD) })).toEqual(RECORD);
		expect(readBody({ [JSON.stringify(RECORD)]: '' })).toEqual(RECORD);
		expect(readBody(JSON.stringify(RECORD))).toEqual(RECORD);
		expect(readBody({}, Buffer.from(JSON.stringify(RECORD)))).toEqual(RECORD);
		const nestedMark = readPush(readBody({ dial_task_main_sn: 'd|1', import_mark: JSON.stringify(IMPORT.import_mark) }));
		expect('push' in nestedMark && nestedMark.push.json.import_mark).toEqual(IMPORT.import_mark);
	});

	it('names what is wrong with a body that is not a push', () => {
		expect(readPush(readBody('not json'))).toEqual({ problem: 'The body is not a JSON object (nor a form holding one)' });
		expect(readPush(readBody({ phone: '1' }))).toEqual({
			problem: 'The body is neither a call result (no "sn") nor an import result (no "dial_task_main_sn" with "import_mark")',
		});
		expect(readPush(readBody({}))).toHaveProperty('problem');
	});
});

describe('filters', () => {
	const all: PushFilters = { events: ['callResult', 'importFinished'], onlyAnswered: false, intentLevels: [], taskSn: '' };

	it('passes everything without filters', () => {
		expect(filteredOutBecause(pushOf(RECORD), all)).toBeUndefined();
		expect(filteredOutBecause(pushOf(IMPORT), all)).toBeUndefined();
	});

	it('drops events that are not selected', () => {
		expect(filteredOutBecause(pushOf(IMPORT), { ...all, events: ['callResult'] })).toBe('event importFinished is not selected');
	});

	it('keeps only answered calls and selected intent levels; import results ignore both', () => {
		// answered is read from the talk time and connection time first: an unanswered call has neither
		const unanswered = pushOf({ ...RECORD, sn: 'account|2', hangup_reason: '关机', status: '', talktimes: 0, connected_at: '' });
		expect(filteredOutBecause(unanswered, { ...all, onlyAnswered: true })).toBe('call not answered');
		expect(filteredOutBecause(pushOf(RECORD), { ...all, onlyAnswered: true, intentLevels: ['A', 'B'] })).toBeUndefined();
		expect(filteredOutBecause(pushOf(RECORD), { ...all, intentLevels: ['A'] })).toBe('intent level not selected');
		expect(filteredOutBecause(unanswered, { ...all, intentLevels: ['A'] })).toBe('intent level not selected');
		expect(filteredOutBecause(pushOf(IMPORT), { ...all, onlyAnswered: true, intentLevels: ['A'] })).toBeUndefined();
	});

	it('keeps only pushes about the selected task', () => {
		expect(filteredOutBecause(pushOf(RECORD), { ...all, taskSn: 'dial_task_main_sn|other' })).toBe('another task');
		expect(filteredOutBecause(pushOf(IMPORT), { ...all, taskSn: IMPORT.dial_task_main_sn })).toBeUndefined();
	});
});

describe('duplicate window', () => {
	afterEach(() => forgetTrigger('wf/node'));

	it('remembers at most the window size, dropping the oldest', () => {
		const recent = new RecentKeys(3);
		for (const key of ['a', 'b', 'c', 'd']) recent.add(key);
		expect(recent.toArray()).toEqual(['b', 'c', 'd']);
		recent.resize(2);
		expect(recent.toArray()).toEqual(['c', 'd']);
	});

	it('lets the first delivery through, drops repeats and writes the window to static data', () => {
		const staticData: IDataObject = {};
		expect(firstDelivery('wf/node', staticData, 'sn-1', 1000)).toBe(true);
		expect(firstDelivery('wf/node', staticData, 'sn-1', 1000)).toBe(false);
		expect(staticData.seen).toEqual(['sn-1']);
		expect(firstDelivery('wf/node', staticData, 'sn-2', 1000, Date.now() + PERSIST_EVERY_MS)).toBe(true);
		expect(staticData.seen).toEqual(['sn-1', 'sn-2']);
	});

	it('decides concurrent deliveries that each loaded the same old static data', () => {
		const loadedByFirst: IDataObject = { seen: ['old'] };
		const loadedBySecond: IDataObject = { seen: ['old'] };
		expect(firstDelivery('wf/node', loadedByFirst, 'sn-9', 1000, 1_000_000)).toBe(true);
		expect(firstDelivery('wf/node', loadedBySecond, 'sn-9', 1000, 1_000_001)).toBe(false);
		expect(firstDelivery('wf/node', loadedBySecond, 'sn-10', 1000, 1_000_000 + PERSIST_EVERY_MS)).toBe(true);
		// the later save keeps the earlier key, so nothing is lost when n8n writes static data back
		expect(loadedBySecond.seen).toEqual(['old', 'sn-9', 'sn-10']);
	});

	it('writes static data at most every PERSIST_EVERY_KEYS new keys or PERSIST_EVERY_MS', () => {
		const staticData: IDataObject = {};
		const t0 = 5_000_000;
		expect(firstDelivery('wf/node', staticData, 'k0', 1000, t0)).toBe(true);
		expect(staticData.seen).toEqual(['k0']);
		for (let n = 1; n < PERSIST_EVERY_KEYS; n++) firstDelivery('wf/node', staticData, `k${n}`, 1000, t0 + 1);
		expect(staticData.seen).toEqual(['k0']);
		firstDelivery('wf/node', staticData, `k${PERSIST_EVERY_KEYS}`, 1000, t0 + 2);
		expect((staticData.seen as string[]).length).toBe(PERSIST_EVERY_KEYS + 1);
		firstDelivery('wf/node', staticData, 'late', 1000, t0 + 2 + PERSIST_EVERY_MS);
		expect((staticData.seen as string[]).slice(-1)).toEqual(['late']);
		// repeats are still dropped in between writes
		expect(firstDelivery('wf/node', {}, 'k3', 1000, t0 + 3 + PERSIST_EVERY_MS)).toBe(false);
	});

	it('remembers keys persisted before a restart', () => {
		const persisted: IDataObject = { seen: ['sn-before-restart'] };
		expect(firstDelivery('wf/node', persisted, 'sn-before-restart', 1000)).toBe(false);
	});

	it('keeps separate windows per trigger', () => {
		expect(firstDelivery('wf/node', {}, 'sn-1', 10)).toBe(true);
		expect(firstDelivery('wf/other', {}, 'sn-1', 10)).toBe(true);
		forgetTrigger('wf/other');
	});
});

describe('receivePush', () => {
	const settings: ReceiveSettings = {
		expectedToken: TOKEN,
		maxBodyBytes: 1024,
		filters: { events: ['callResult'], onlyAnswered: false, intentLevels: [], taskSn: '' },
		dedupeWindow: 1000,
		triggerId: 'wf/receive',
	};
	const request = (body: unknown, query: IDataObject = { token: TOKEN }): PushRequest => ({
		query,
		contentLength: undefined,
		body,
		rawBody: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
	});
	afterEach(() => forgetTrigger('wf/receive'));

	it('accepts a push with the token, emits it once and acknowledges the duplicate', () => {
		const staticData: IDataObject = {};
		const first = receivePush(request(RECORD), settings, staticData);
		expect(first).toMatchObject({ verdict: 'accepted', status: 200, answer: PUSH_ACK });
		expect(first.emit).toMatchObject({ sn: RECORD.sn, event: 'callResult' });
		const again = receivePush(request(RECORD), settings, staticData);
		expect(again).toMatchObject({ verdict: 'duplicate', status: 200, answer: PUSH_ACK, detail: RECORD.sn });
	});

	it('rejects pushes without the right token with 403, whatever the body', () => {
		for (const query of [{}, { token: 'wrong' }, { token: TOKEN.slice(1) }, { token: [TOKEN] }]) {
			const outcome = receivePush(request(RECORD, query as IDataObject), settings, {});
			expect(outcome).toMatchObject({ verdict: 'forbidden', status: 403 });
			expect(outcome.emit).toBeUndefined();
			expect(outcome.answer).not.toContain(TOKEN);
		}
		expect(receivePush(request(RECORD), { ...settings, expectedToken: '' }, {}).status).toBe(403);
	});

	it('rejects oversized bodies with 413 and malformed ones with 400, emitting nothing', () => {
		const big = receivePush(request({ ...RECORD, remark: 'x'.repeat(2000) }), settings, {});
		expect(big).toMatchObject({ verdict: 'tooLarge', status: 413 });
		expect(big.emit).toBeUndefined();
		const declared = receivePush({ query: { token: TOKEN }, contentLength: '5000', body: RECORD }, settings, {});
		expect(declared.status).toBe(413);
		const bad = receivePush(request('garbage'), settings, {});
		expect(bad).toMatchObject({ verdict: 'malformed', status: 400, answer: 'Bad Request: The body is not a JSON object (nor a form holding one)' });
	});

	it('acknowledges filtered-out pushes without emitting them', () => {
		const outcome = receivePush(request(IMPORT), settings, {});
		expect(outcome).toEqual({ verdict: 'filtered', status: 200, answer: PUSH_ACK, detail: 'event importFinished is not selected' });
	});
});

describe('registration URL', () => {
	it('adds the token as a query parameter and compares it in constant time', () => {
		const url = urlWithToken('http://127.0.0.1:5678/webhook/abc/yunke', TOKEN);
		expect(url).toBe(`http://127.0.0.1:5678/webhook/abc/yunke?token=${TOKEN}`);
		expect(tokenMatches(TOKEN, new URL(url).searchParams.get('token'))).toBe(true);
		expect(tokenMatches(TOKEN, undefined)).toBe(false);
		expect(tokenMatches('', '')).toBe(false);
	});
});

/** What identifies a push, and pushes the trigger must not misread. */
import type { IDataObject } from 'n8n-workflow';

import { HANGUP_REASONS } from '../../nodes/Yunke/shared/contract';
import { FAILURE_REASON_OPTIONS } from '../../nodes/Yunke/v1/actions/callRecord/hangupReasons';
import { IMPORT_REPEAT_MS } from '../../nodes/YunkeTrigger/dedupeKey';
import { readPush } from '../../nodes/YunkeTrigger/payload';
import { forgetTrigger, PERSIST_EVERY_MS } from '../../nodes/YunkeTrigger/dedupe';
import { receivePush, type PushRequest, type ReceiveSettings } from '../../nodes/YunkeTrigger/receive';

const TOKEN = 'f00dbabe0123456789abcdef01234567';
const TASK = 'dial_task_main_sn|1427a04cae36a5b7161c0b04b9206fa4';
const settings: ReceiveSettings = {
	expectedToken: TOKEN,
	maxBodyBytes: 512 * 1024,
	filters: { events: ['callResult', 'importFinished'], onlyAnswered: false, intentLevels: [], taskSn: '' },
	dedupeWindow: 1000,
	triggerId: 'wf/pushes',
};
const request = (body: IDataObject): PushRequest => {
	const rawBody = Buffer.from(JSON.stringify(body));
	return { query: { token: TOKEN }, contentLength: String(rawBody.length), body, rawBody };
};
const verdicts = (bodies: IDataObject[], staticData: IDataObject = {}, at = 1_000_000_000) =>
	bodies.map((body) => receivePush(request(body), { ...settings, now: at }, staticData).verdict);

afterEach(() => forgetTrigger('wf/pushes'));

describe('import results', () => {
	const mark = { totalCount: 2, successCount: 2, failCount: 0 };

	it('emits two different import results of one task with equal counts', () => {
		expect(verdicts([{ dial_task_main_sn: TASK, import_mark: mark, import_time: '2026-12-01 10:00:00' }, { dial_task_main_sn: TASK, import_mark: mark, import_time: '2026-12-01 10:05:00' }])).toEqual([
			'accepted',
			'accepted',
		]);
	});

	it('drops the same result again, with its fields in another order', () => {
		const again = { import_mark: { failCount: 0, successCount: 2, totalCount: 2 }, dial_task_main_sn: TASK };
		expect(verdicts([{ dial_task_main_sn: TASK, import_mark: mark }, again])).toEqual(['accepted', 'duplicate']);
	});

	it('takes an identical result arriving after the repeat period for a new import', () => {
		const body = { dial_task_main_sn: TASK, import_mark: mark };
		const staticData: IDataObject = {};
		expect(verdicts([body], staticData, 5 * IMPORT_REPEAT_MS)).toEqual(['accepted']);
		expect(verdicts([body], staticData, 6 * IMPORT_REPEAT_MS - 1)).toEqual(['duplicate']);
		expect(verdicts([body], staticData, 7 * IMPORT_REPEAT_MS)).toEqual(['accepted']);
	});
});

describe('duplicate keys', () => {
	it('are bounded hashes, whatever the push holds', () => {
		const staticData: IDataObject = {};
		verdicts([{ sn: `account|${'f'.repeat(190)}` }], staticData);
		verdicts([{ dial_task_main_sn: TASK, import_mark: '失败'.repeat(5000) }], staticData, 1_000_000_000 + PERSIST_EVERY_MS);
		expect(staticData.seen).toEqual([expect.stringMatching(/^[\w-]{22}$/), expect.stringMatching(/^[\w-]{22}$/)]);
	});
});

describe('hang-up reasons', () => {
	it('are named in the trigger\'s items as in the Redial Failed options: one table', () => {
		const failures = HANGUP_REASONS.filter((reason) => reason !== '已接通');
		const trigger = failures.map((reason) => {
			const reading = readPush({ sn: `account|${reason}`, hangup_reason: reason });
			return 'push' in reading ? reading.push.json.hangupReason : reading.problem;
		});
		expect(trigger).toEqual(failures.map((reason) => FAILURE_REASON_OPTIONS.find((option) => option.value === reason)?.name));
		expect(new Set(trigger).size).toBe(failures.length);
	});
});

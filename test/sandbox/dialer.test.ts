import { callOutcome } from '../../sandbox/callOutcome';
import { SEATS_PER_TASK, startDialer } from '../../sandbox/dialer';
import { Sandbox } from '../../sandbox/server';
import type { CallRecord } from '../../sandbox/state';
import { RawClient, passwordCredential, startSandbox } from '../helpers/sandbox';
import { seedTask, waitFor } from '../helpers/tasks';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox({ speed: { callMs: 30 } })));
afterAll(async () => await sandbox.stop());
beforeEach(() => sandbox.reset());

const PHONES = ['13800000010', '13800000021', '13800000032', '13800000046', '13800000057', '13800000069', '13800000070'];

describe('simulated dialler', () => {
	it('dials every waiting row of a running task, predictably, and marks the task sent', async () => {
		const task = seedTask(sandbox, { status: 0, phones: PHONES, source: '拨号测试' });
		await waitFor(() => task.status === 1, 'the task to be sent');
		const records = sandbox.data.records.filter((record) => record.dial_task_main_sn === task.dial_task_main_sn);
		expect(records.map((record) => record.phone).sort()).toEqual([...PHONES].sort());
		for (const record of records) {
			const outcome = callOutcome(String(record.phone));
			expect(record).toMatchObject({
				source: '拨号测试',
				project_sn: task.project_sn,
				user_sn: task.ai_user_sn,
				user_name: 'agent01',
				project_caption: '房产客户回访-女声',
				status: outcome.intent,
				status_manual: '',
				hangup_reason: outcome.hangupReason,
				talktimes: outcome.talkSeconds,
			});
			expect(record.sn).toMatch(/^account\|[0-9a-f]{32}$/);
			expect(record.created_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
			if (outcome.answered) {
				expect(record.connected_at).not.toBe('');
				expect(sandbox.data.recordings.get(String(record.recordfile))?.subarray(0, 4).toString()).toBe('RIFF');
			} else {
				expect(record).toMatchObject({ connected_at: '', recordfile: '', status: '' });
			}
		}
		expect(records.find((record) => record.phone === '13800000010')).toMatchObject({ status: 'A', hangup_reason: '已接通' });
		expect(records.find((record) => record.phone === '13800000046')).toMatchObject({ status: '', hangup_reason: '无人应答' });
		expect(records.find((record) => record.phone === '13800000069')).toMatchObject({ hangup_reason: '空号' });
		expect(task.rows.every((row) => row.state === 'dialled' && row.attempts === 1)).toBe(true);
		expect(task.stoped_at).not.toBe('');
	});

	it('hands every finished call to onCallEnded, in the order the calls end', async () => {
		const offline = new Sandbox({ quiet: true, speed: { callMs: 5 } }); // no server: only this dialler runs
		const ended: CallRecord[] = [];
		const dialer = startDialer(offline, (record) => ended.push(record));
		const task = seedTask(offline, { status: 0, phones: PHONES.slice(0, 4) });
		dialer.taskChanged(task.dial_task_main_sn);
		await waitFor(() => task.status === 1, 'the task to be sent');
		dialer.stop();
		expect(ended).toEqual(offline.data.records);
		expect(ended).toHaveLength(4);
	});

	it('never has more than the seats in flight and stops dialling when paused', async () => {
		const phones = Array.from({ length: 60 }, (_, index) => `1390000${String(index).padStart(4, '0')}`); // 600 ms of dialling: room for a slow poll
		const task = seedTask(sandbox, { status: 0, phones });
		await waitFor(() => sandbox.data.records.length >= SEATS_PER_TASK, 'the first calls');
		task.status = 4;
		const afterPause = sandbox.data.records.length;
		await new Promise((resolve) => setTimeout(resolve, 150));
		// calls that were in progress finish, nothing new starts
		expect(sandbox.data.records.length).toBeLessThanOrEqual(afterPause + SEATS_PER_TASK);
		const settled = sandbox.data.records.length;
		await new Promise((resolve) => setTimeout(resolve, 150));
		expect(sandbox.data.records.length).toBe(settled);
		expect(task.rows.some((row) => row.state === 'waiting')).toBe(true);
		expect(task.status).toBe(4);
	});

	it('bulk-generates records through the control API', async () => {
		const client = new RawClient(passwordCredential(sandbox));
		const response = await fetch(`${sandbox.url}/__control/records`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			// all today: crmList without dates answers today's records only
			body: JSON.stringify({ count: 1000, days: 0 }),
		});
		expect(await response.json()).toEqual({ ok: true, created: 1000, total: 1000 });
		await client.login();
		const page = await client.call('POST', '/api/crmList', { pageIndex: 1, pageSize: 300, status_search: 'status', status_value: ['A'] });
		expect(page.data.code).toBe(0);
		expect(page.data.data.total).toBe(100);
		expect(page.data.data.list).toHaveLength(0);
		const first = await client.call('POST', '/api/crmList', { pageIndex: 0, pageSize: 300, status_search: 'status', status_value: ['A'] });
		expect(first.data.data.list).toHaveLength(100);
		expect(first.data.data.list.every((record: { phone: string }) => record.phone.endsWith('0'))).toBe(true);
	});
});

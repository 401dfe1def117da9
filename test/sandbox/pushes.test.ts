import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { PUSH_ACK } from '../../nodes/Yunke/shared/contract';
import { pushConfig, pushesOf, sampleCallRecord, type Pushes } from '../../sandbox/pushes';
import type { Sandbox } from '../../sandbox/server';
import { PushReceiver } from '../helpers/pushReceiver';
import { RawClient, passwordCredential, startSandbox } from '../helpers/sandbox';

let sandbox: Sandbox;
let receiver: PushReceiver;
beforeAll(async () => {
	sandbox = await startSandbox({ speed: { pushDelayMs: 20 } });
	receiver = new PushReceiver();
	await receiver.start();
});
afterAll(async () => {
	await sandbox.stop();
	await receiver.stop();
});
beforeEach(() => {
	sandbox.reset();
	Object.assign(pushConfig(sandbox), { retries: 3, retryDelayMs: 5, duplicateEvery: 0 });
	receiver.received = [];
	receiver.answer = PUSH_ACK;
});

const pushes = (): Pushes => pushesOf(sandbox)!;
const afterThis: Array<() => void> = [];
afterEach(() => afterThis.splice(0).forEach((undo) => undo()));
const control = (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) =>
	axios.request({ method, url: `${sandbox.url}/__control/${path}`, data: body, validateStatus: () => true });

async function setCallback(params: IDataObject) {
	const client = new RawClient(passwordCredential(sandbox));
	await client.login();
	return (await client.call('POST', '/api/setCallback', params)).data;
}

describe('9.1 setCallback', () => {
	it('stores the push switch and both URLs', async () => {
		const answer = await setCallback({ open_callback: 1, callback_url: `${receiver.url}/calls`, task_callback_url: `${receiver.url}/imports` });
		expect(answer).toEqual({ code: 0, msg: 'SUCCESS' });
		expect(sandbox.data.callback).toEqual({ open_callback: 1, callback_url: `${receiver.url}/calls`, task_callback_url: `${receiver.url}/imports` });
	});

	it('keeps the import URL when it is not sent and clears it when sent empty', async () => {
		await setCallback({ open_callback: 1, callback_url: 'https://a.example/x', task_callback_url: 'https://a.example/y' });
		await setCallback({ open_callback: 0, callback_url: 'https://a.example/x' });
		expect(sandbox.data.callback.task_callback_url).toBe('https://a.example/y');
		await setCallback({ open_callback: 0, callback_url: 'https://a.example/x', task_callback_url: '' });
		expect(sandbox.data.callback).toEqual({ open_callback: 0, callback_url: 'https://a.example/x', task_callback_url: '' });
	});

	it('answers 20002 for URLs that are not http(s) and for a missing switch, changing nothing', async () => {
		expect((await setCallback({ open_callback: 1, callback_url: 'ftp://a.example/x' })).code).toBe(20002);
		expect((await setCallback({ open_callback: 1, callback_url: 'https://a.example', task_callback_url: 'nope' })).code).toBe(20002);
		expect((await setCallback({ callback_url: 'https://a.example/x' })).code).toBe(20002);
		expect(sandbox.data.callback).toEqual({ open_callback: 0, callback_url: '', task_callback_url: '' });
	});
});

describe('call-result pushes', () => {
	beforeEach(() => {
		sandbox.data.callback = { open_callback: 1, callback_url: `${receiver.url}/calls?token=t`, task_callback_url: `${receiver.url}/imports` };
	});

	it('POSTs the record as JSON after the push delay, once, when answered SUCCESS; by default without the fields no public sample shows', async () => {
		const record = sampleCallRecord(sandbox, { phone: '13800000001' });
		pushes().callEnded(record);
		expect(receiver.received).toHaveLength(0);
		await pushes().idle();
		const { hangup_reason: _reason, dial_task_main_sn: _task, source: _name, ...sampleFields } = record;
		expect(receiver.received).toEqual([{ path: '/calls?token=t', contentType: 'application/json', body: sampleFields }]);
		expect(sampleFields).toMatchObject({ talktimes: expect.any(Number), connected_at: expect.any(String), status: 'B' });
		expect(record).toMatchObject({ hangup_reason: '已接通', status: 'B' });
		expect(pushes().deliveries).toMatchObject([{ kind: 'callResult', key: record.sn, attempt: 1, status: 200, answer: PUSH_ACK, acknowledged: true }]);
	});

	it('retries three times when the answer is not exactly SUCCESS', async () => {
		receiver.answer = 'success ';
		await pushes().pushCallResult(sampleCallRecord(sandbox));
		expect(receiver.received).toHaveLength(4);
		expect(pushes().deliveries.map((entry) => [entry.attempt, entry.acknowledged])).toEqual([
			[1, false],
			[2, false],
			[3, false],
			[4, false],
		]);
	});

	it('sends every n-th push twice on purpose', async () => {
		pushConfig(sandbox).duplicateEvery = 2;
		const records = [1, 2, 3, 4].map((n) => sampleCallRecord(sandbox, { phone: `1380000000${n}` }));
		for (const record of records) await pushes().pushCallResult(record);
		expect(receiver.received.map((push) => push.body.sn)).toEqual([records[0].sn, records[1].sn, records[1].sn, records[2].sn, records[3].sn, records[3].sn]);
		expect(pushes().deliveries.filter((entry) => entry.duplicate)).toHaveLength(2);
	});

	it('pushes nothing while the push switch is off', async () => {
		sandbox.data.callback.open_callback = 0;
		pushes().callEnded(sampleCallRecord(sandbox));
		await pushes().idle();
		expect(receiver.received).toHaveLength(0);
	});

	it('never leaves this machine', async () => {
		sandbox.data.callback.callback_url = 'https://example.com/hook';
		const attempts = await pushes().pushCallResult(sampleCallRecord(sandbox));
		expect(attempts).toMatchObject([{ status: null, error: 'not a loopback URL: the sandbox pushes only to this machine' }]);
	});

	it('reading pushFields "full": the whole record, hang-up reason and task fields included', async () => {
		sandbox.shapes.pushFields = 'full';
		afterThis.push(() => (sandbox.shapes.pushFields = 'minimal'));
		const record = sampleCallRecord(sandbox, { phone: '13800000001' });
		await pushes().pushCallResult(record);
		expect(receiver.received.map((push) => push.body)).toEqual([record]);
	});

	it('pushes every record the dialler produces (reading pushFields "full"), and the import result of an async import', async () => {
		sandbox.shapes.pushFields = 'full';
		afterThis.push(() => (sandbox.shapes.pushFields = 'minimal'));
		sandbox.speed.callMs = 10;
		sandbox.speed.asyncImportMs = 10;
		const client = new RawClient(passwordCredential(sandbox));
		await client.login();
		const created = await client.call('POST', '/api/addJsonOfAsync', {
			project_sn: sandbox.data.scripts[0].sn,
			ai_user_sn: sandbox.data.subAccounts[0].user_sn,
			source: 'pushtest',
			is_zidong: 'on',
			client_info_json: { data: [{ '*电话': '13800000001' }, { '*电话': '13800000007' }] },
		});
		expect(created.data.code).toBe(0);
		const taskSn = created.data.data.dial_task_main_sn;
		for (let waited = 0; sandbox.data.records.length < 2 && waited < 5000; waited += 20) await new Promise((r) => setTimeout(r, 20));
		await pushes().idle();
		const calls = receiver.received.filter((push) => push.path.startsWith('/calls')).map((push) => push.body);
		expect(calls.map((body) => body.sn).sort()).toEqual(sandbox.data.records.map((record) => record.sn).sort());
		expect(calls.map((body) => [body.phone, body.hangup_reason, body.dial_task_main_sn]).sort()).toEqual([
			['13800000001', '已接通', taskSn],
			['13800000007', '关机', taskSn],
		]);
		const imports = receiver.received.filter((push) => push.path === '/imports').map((push) => push.body);
		expect(imports).toEqual([{ dial_task_main_sn: taskSn, import_mark: expect.objectContaining({ successCount: 2 }) }]);
	});
});

describe('import pushes', () => {
	it('POSTs dial_task_main_sn and import_mark to the import URL, even with call-result pushes off', async () => {
		sandbox.data.callback = { open_callback: 0, callback_url: `${receiver.url}/calls`, task_callback_url: `${receiver.url}/imports` };
		pushes().importFinished('dial_task_main_sn|abc');
		await pushes().idle();
		expect(receiver.received).toEqual([{ path: '/imports', contentType: 'application/json', body: { dial_task_main_sn: 'dial_task_main_sn|abc', import_mark: {} } }]);
	});

	it('pushes nothing without an import URL', async () => {
		sandbox.data.callback = { open_callback: 1, callback_url: `${receiver.url}/calls`, task_callback_url: '' };
		expect(await pushes().pushImportFinished('dial_task_main_sn|abc')).toEqual([]);
	});
});

describe('control API', () => {
	it('pushes a generated or given record on demand and lists the deliveries', async () => {
		sandbox.data.callback = { open_callback: 1, callback_url: `${receiver.url}/calls`, task_callback_url: `${receiver.url}/imports` };
		const generated = (await control('POST', 'push', { record: { phone: '13800000000' } })).data;
		expect(generated.record).toMatchObject({ phone: '13800000000', status: 'A', hangup_reason: '已接通' });
		expect(generated.deliveries).toMatchObject([{ acknowledged: true }]);
		const given = (await control('POST', 'push', { record: { sn: 'account|given', phone: '1' }, duplicate: true })).data;
		expect(given.deliveries).toHaveLength(2);
		const imported = (await control('POST', 'push', { kind: 'importFinished', taskSn: 'd|1', importMark: '失败' })).data;
		expect(imported.deliveries).toMatchObject([{ kind: 'importFinished', key: 'd|1' }]);
		expect(receiver.received.map((push) => push.body.sn ?? push.body.import_mark)).toEqual([generated.record.sn, 'account|given', 'account|given', '失败']);
		const log = (await control('GET', 'pushes')).data;
		expect(log.deliveries).toHaveLength(4);
		expect((await control('POST', 'pushes', { duplicateEvery: 5 })).data.config.duplicateEvery).toBe(5);
		await control('DELETE', 'pushes');
		expect((await control('GET', 'pushes')).data.deliveries).toEqual([]);
	});
});

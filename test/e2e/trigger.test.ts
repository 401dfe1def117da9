/**
 * The Yunke Trigger in the REAL n8n server (2.41.1): active workflows' production webhooks receive
 * pushes from the sandbox. Covers the SUCCESS answers, emitted items, duplicates, filters, the secret
 * token, body limits and automatic registration (setCallback on activation, undone on deactivation).
 * Needs `npm run build` (the package is packed from dist/).
 */
import { N8nInstance, nodeOutput, type RestExecution } from '../../scripts/n8n/instance';
import { PUSH_ACK } from '../../nodes/Yunke/shared/contract';
import { lookupKeys } from '../../nodes/YunkeTrigger/dedupeKey';
import { pushConfig, pushesOf, sampleCallRecord, type Pushes } from '../../sandbox/pushes';
import type { Sandbox } from '../../sandbox/server';
import { passwordCredential, startSandbox } from '../helpers/sandbox';
import { processedDataRows, recordProcessed } from './helpers/sqliteProcessedData';
import { TRIGGER_NODE_NAME, triggerNodeId, triggerWorkflow } from './helpers/triggerWorkflows';

const CREDENTIAL = { id: 'yunkeTrigCred000001', name: 'Yunke sandbox' };
const SECRET = 'e2e-0f6a2c9d4b8e17a3c5d9e2f4a6b8c0d1';
const MANUAL = { id: 'yunkeTrigManual0001', webhookId: '7c0e6a52-1111-4a11-8a11-000000000001' };
const FILTERED = { id: 'yunkeTrigFilter0001', webhookId: '7c0e6a52-2222-4a22-8a22-000000000002' };
const AUTO = { id: 'yunkeTrigAuto000001', webhookId: '7c0e6a52-3333-4a33-8a33-000000000003' };
const BAD_RESTORE = { id: 'yunkeTrigBadUrl0001', webhookId: '7c0e6a52-4444-4a44-8a44-000000000004' };
const SHORT_TOKEN = { id: 'yunkeTrigShortTok01', webhookId: '7c0e6a52-5555-4a55-8a55-000000000005' };
const VERSION_1 = { id: 'yunkeTrigVersion001', webhookId: '7c0e6a52-6666-4a66-8a66-000000000006' };
const TASK_SN = 'dial_task_main_sn|e2e00000000000000000000000000001';
const RESTORE_URL = 'http://127.0.0.1:9/previous-receiver';

let n8n: N8nInstance;
let sandbox: Sandbox;
const pushes = (): Pushes => pushesOf(sandbox)!;
const hookUrl = (webhookId: string) => n8n.webhookUrl(`${webhookId}/yunke`);

async function settledExecutions(workflowId: string, expected: number): Promise<RestExecution[]> {
	const executions = expected > 0 ? await n8n.waitForExecutions(workflowId, expected) : [];
	await new Promise((resolve) => setTimeout(resolve, 1500)); // anything extra would show up by now
	expect(await n8n.listExecutions(workflowId)).toHaveLength(expected);
	return executions;
}

const emitted = (executions: RestExecution[]) => executions.flatMap((execution) => nodeOutput(execution.data, TRIGGER_NODE_NAME));

async function post(url: string, body: string, contentType = 'application/json') {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
	return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
	sandbox = await startSandbox({ speed: { pushDelayMs: 10 } });
	n8n = await N8nInstance.create();
	n8n.installPackage({ build: false });
	await n8n.importCredentials([{ ...CREDENTIAL, type: 'yunkeApi', data: passwordCredential(sandbox) }]);
	await n8n.importWorkflow([
		triggerWorkflow({
			...MANUAL,
			parameters: { registration: 'manual', secretToken: SECRET, events: ['callResult', 'importFinished'], options: { maxBodyKb: 8 } },
		}),
		triggerWorkflow({
			...FILTERED,
			parameters: {
				registration: 'manual',
				secretToken: SECRET,
				events: ['callResult'],
				filters: { onlyAnswered: true, intentLevels: ['A', 'B'], task: { __rl: true, mode: 'id', value: TASK_SN } },
			},
		}),
		triggerWorkflow({
			...AUTO,
			credential: CREDENTIAL,
			parameters: { registration: 'automatic', events: ['callResult', 'importFinished'], restoreCallbackUrl: RESTORE_URL },
		}),
		triggerWorkflow({ ...VERSION_1, typeVersion: 1, parameters: { registration: 'manual', secretToken: SECRET, events: ['callResult'] } }),
		triggerWorkflow({ ...SHORT_TOKEN, parameters: { registration: 'manual', secretToken: 'only-15-letters', events: ['callResult'] } }),
		triggerWorkflow({
			...BAD_RESTORE,
			credential: CREDENTIAL,
			parameters: { registration: 'automatic', events: ['callResult'], restoreCallbackUrl: 'ftp://old.example/hook' },
		}),
	]);
	await n8n.activate(MANUAL.id);
	await n8n.activate(FILTERED.id);
	await n8n.activate(VERSION_1.id);
	await n8n.start();
});

afterAll(async () => {
	await n8n?.dispose();
	await sandbox?.stop();
});

beforeEach(() => {
	pushConfig(sandbox).duplicateEvery = 0;
	pushes().deliveries.length = 0;
});

describe('Yunke Trigger, manual registration, in the real n8n server', () => {
	beforeAll(() => {
		sandbox.data.callback = { open_callback: 1, callback_url: `${hookUrl(MANUAL.webhookId)}?token=${SECRET}`, task_callback_url: `${hookUrl(MANUAL.webhookId)}?token=${SECRET}` };
	});

	it('emits a pushed call result once with the helper fields, answers SUCCESS to it and to its duplicate', async () => {
		const record = sampleCallRecord(sandbox, { phone: '13800000001', dial_task_main_sn: TASK_SN });
		const attempts = await pushes().pushCallResult(record, { duplicate: true });
		expect(attempts.map(({ status, answer, duplicate }) => ({ status, answer, duplicate }))).toEqual([
			{ status: 200, answer: PUSH_ACK, duplicate: false },
			{ status: 200, answer: PUSH_ACK, duplicate: true },
		]);
		const executions = await settledExecutions(MANUAL.id, 1);
		expect(executions[0].mode).toBe('webhook');
		// the strict sandbox pushes what the public samples show: no task fields, no hang-up reason
		const { dial_task_main_sn: _task, source: _name, hangup_reason: _reason, ...pushed } = record;
		expect(emitted(executions)).toEqual([
			{
				...pushed,
				event: 'callResult',
				answered: true,
				intentLevel: 'B',
				taskSn: '',
				talkSeconds: record.talktimes,
				hangupReason: 'Connected',
				undecided: ['task'],
				undecidedNote: 'The push does not say its task (no dial_task_main_sn): filters on it let the push through.',
			},
		]);
		const workflow = (await n8n.rest<{ staticData?: Record<string, { seen?: string[] }> }>('GET', `/rest/workflows/${MANUAL.id}`)).data;
		expect(Object.values(workflow.staticData ?? {}).map((node) => node.seen)).toEqual([lookupKeys('callResult', record.sn, Date.now())]);
	});

	it('still runs a trigger saved with version 1 (0.1.0): answers SUCCESS and emits the push', async () => {
		const record = sampleCallRecord(sandbox, { phone: '13800000006' });
		expect(await post(`${hookUrl(VERSION_1.webhookId)}?token=${SECRET}`, JSON.stringify(record))).toEqual({ status: 200, text: PUSH_ACK });
		const executions = await settledExecutions(VERSION_1.id, 1);
		expect(emitted(executions).map((item) => item.sn)).toEqual([record.sn]);
	});

	it('emits a record once when its copies arrive at the same time', async () => {
		const record = sampleCallRecord(sandbox, { phone: '13800000004' });
		const url = `${hookUrl(MANUAL.webhookId)}?token=${SECRET}`;
		const answers = await Promise.all(Array.from({ length: 6 }, () => post(url, JSON.stringify(record))));
		expect(answers).toEqual(Array.from({ length: 6 }, () => ({ status: 200, text: PUSH_ACK })));
		const executions = await settledExecutions(MANUAL.id, 2);
		expect(emitted(executions.slice(1)).map((item) => item.sn)).toEqual([record.sn]);
	});

	it('emits an import result pushed to the import URL', async () => {
		await pushes().pushImportFinished(TASK_SN, { totalCount: 2, successCount: 2, failCount: 0 });
		const executions = await settledExecutions(MANUAL.id, 3);
		expect(emitted(executions.slice(2))).toEqual([
			{
				dial_task_main_sn: TASK_SN,
				import_mark: { totalCount: 2, successCount: 2, failCount: 0 },
				event: 'importFinished',
				taskSn: TASK_SN,
				succeeded: true,
				failureReason: '',
				totalCount: 2,
				successCount: 2,
				failCount: 0,
			},
		]);
	});

	it('accepts form-encoded pushes, flat or with a field holding JSON', async () => {
		const url = `${hookUrl(MANUAL.webhookId)}?token=${SECRET}`;
		const flat = await post(url, 'sn=account%7Cform-flat&phone=13800000002&status=A&hangup_reason=%E5%B7%B2%E6%8E%A5%E9%80%9A', 'application/x-www-form-urlencoded');
		const wrapped = await post(url, `data=${encodeURIComponent(JSON.stringify({ sn: 'account|form-json', talktimes: 9 }))}`, 'application/x-www-form-urlencoded');
		expect([flat, wrapped]).toEqual([
			{ status: 200, text: PUSH_ACK },
			{ status: 200, text: PUSH_ACK },
		]);
		const executions = await settledExecutions(MANUAL.id, 5);
		const items = emitted(executions.slice(3));
		expect(items.map((item) => [item.sn, item.answered, item.intentLevel])).toEqual(
			expect.arrayContaining([
				['account|form-flat', true, 'A'],
				['account|form-json', true, ''],
			]),
		);
	});

	it('rejects pushes without the secret token with 403 and emits nothing', async () => {
		const body = JSON.stringify(sampleCallRecord(sandbox));
		expect(await post(hookUrl(MANUAL.webhookId), body)).toEqual({ status: 403, text: 'Forbidden: the push URL lacks the secret token of this Yunke Trigger' });
		expect((await post(`${hookUrl(MANUAL.webhookId)}?token=guess`, body)).status).toBe(403);
		await settledExecutions(MANUAL.id, 5);
	});

	it('rejects malformed bodies with 400 and oversized ones with 413, emitting nothing', async () => {
		const url = `${hookUrl(MANUAL.webhookId)}?token=${SECRET}`;
		expect(await post(url, JSON.stringify({ phone: '13800000000' }))).toEqual({
			status: 400,
			text: 'Bad Request: The body is neither a call result (no "sn") nor an import result (no "dial_task_main_sn" with "import_mark")',
		});
		expect((await post(url, 'garbage', 'text/plain')).status).toBe(400);
		// n8n itself refuses a JSON content type with broken JSON before the node runs
		expect((await post(url, '{"sn": ')).status).toBe(422);
		const large = JSON.stringify({ ...sampleCallRecord(sandbox), remark: 'x'.repeat(9 * 1024) });
		expect(await post(url, large)).toEqual({ status: 413, text: 'Payload Too Large: pushes may have at most 8192 bytes' });
		await settledExecutions(MANUAL.id, 5);
	});

	it('in a single n8n, decides duplicates in the receiving process and leaves n8n\'s processed-data table alone', async () => {
		await settledExecutions(MANUAL.id, 5);
		expect(processedDataRows(n8n, MANUAL.id)).toEqual([]);
		// the second check would drop this record (recorded by "another process"); a single n8n does not consult it
		const record = sampleCallRecord(sandbox, { phone: '13800000005' });
		recordProcessed(n8n, MANUAL.id, [lookupKeys('callResult', record.sn, Date.now(), triggerNodeId(MANUAL.webhookId))[0]]);
		expect(await post(`${hookUrl(MANUAL.webhookId)}?token=${SECRET}`, JSON.stringify(record))).toEqual({ status: 200, text: PUSH_ACK });
		const executions = await settledExecutions(MANUAL.id, 6);
		expect(emitted(executions.slice(5)).map((item) => item.sn)).toEqual([record.sn]);
	});

	it('emits a push with fields named json, binary and pairedItem as data, unchanged, in one item', async () => {
		const record = {
			...sampleCallRecord(sandbox, { phone: '13800000001' }),
			json: { note: 'vendor field' },
			binary: { data: { id: 'filesystem-v2:workflows/x/executions/1/binary_data/y', mimeType: 'audio/wav', data: 'filesystem-v2' } },
			pairedItem: { item: 3 },
		};
		expect(await post(`${hookUrl(MANUAL.webhookId)}?token=${SECRET}`, JSON.stringify(record))).toEqual({ status: 200, text: PUSH_ACK });
		const [execution] = (await settledExecutions(MANUAL.id, 7)).slice(6);
		const items = (execution.data as { resultData: { runData: Record<string, Array<{ data: { main: Array<Array<Record<string, unknown>>> } }>> } }).resultData.runData[TRIGGER_NODE_NAME][0].data.main[0];
		expect(items).toHaveLength(1);
		expect(items[0].binary).toBeUndefined();
		expect(items[0].json).toMatchObject({ json: record.json, binary: record.binary, pairedItem: record.pairedItem, sn: record.sn });
	});

	it('measures a chunked multipart push (no Content-Length), refuses it over the limit, and logs each rejection as a warning without the token', async () => {
		const boundary = 'yunkeE2eBoundary';
		const form = `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify({ ...sampleCallRecord(sandbox), remark: 'x'.repeat(9 * 1024) })}\r\n--${boundary}--\r\n`;
		const chunks = new ReadableStream({
			start(controller) {
				controller.enqueue(new TextEncoder().encode(form));
				controller.close();
			},
		});
		const response = await fetch(`${hookUrl(MANUAL.webhookId)}?token=${SECRET}`, {
			method: 'POST',
			headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
			body: chunks,
			duplex: 'half',
		} as RequestInit);
		expect({ status: response.status, text: await response.text() }).toEqual({ status: 413, text: 'Payload Too Large: pushes may have at most 8192 bytes' });
		await settledExecutions(MANUAL.id, 7);
		const output = n8n.serverOutput();
		for (const status of [400, 403, 413]) expect(output).toContain(`Yunke Trigger "${TRIGGER_NODE_NAME}": answered HTTP ${status} to a push from`);
		expect(output).not.toContain(SECRET);
	});
});

describe('Yunke Trigger filters, in the real n8n server', () => {
	beforeAll(() => {
		sandbox.data.callback = { open_callback: 1, callback_url: `${hookUrl(FILTERED.webhookId)}?token=${SECRET}`, task_callback_url: '' };
	});

	/** Pushes four calls as the given reading sends them; all are acknowledged, none retried. */
	async function pushFour(reading: 'minimal' | 'full') {
		sandbox.shapes.pushFields = reading;
		const answeredA = sampleCallRecord(sandbox, { phone: '13800000000', dial_task_main_sn: TASK_SN });
		const answeredC = sampleCallRecord(sandbox, { phone: '13800000002', dial_task_main_sn: TASK_SN });
		const unanswered = sampleCallRecord(sandbox, { phone: '13800000006', dial_task_main_sn: TASK_SN });
		const otherTask = sampleCallRecord(sandbox, { phone: '13800000010', dial_task_main_sn: 'dial_task_main_sn|other' });
		for (const record of [answeredA, answeredC, unanswered, otherTask]) {
			const [attempt] = await pushes().pushCallResult(record);
			expect(attempt).toMatchObject({ status: 200, answer: PUSH_ACK, acknowledged: true });
		}
		sandbox.shapes.pushFields = 'minimal';
		return { answeredA, otherTask };
	}

	it('emits only answered A/B calls and acknowledges the rest; a call naming no task passes the Task filter, marked', async () => {
		const minimal = await pushFour('minimal');
		expect(pushes().deliveries).toHaveLength(4); // nothing was retried
		const shown = (executions: RestExecution[]) => emitted(executions).map((item) => [item.sn, item.intentLevel, item.taskUnknown]).sort();
		expect(shown(await settledExecutions(FILTERED.id, 2))).toEqual([[minimal.answeredA.sn, 'A', true], [minimal.otherTask.sn, 'A', true]].sort());
		// pushes carrying the task fields (reading "full"): only the selected task
		const full = await pushFour('full');
		expect(shown(await settledExecutions(FILTERED.id, 3)).filter(([sn]) => sn !== minimal.answeredA.sn && sn !== minimal.otherTask.sn)).toEqual([[full.answeredA.sn, 'A', undefined]]);
	});
});

describe('Yunke Trigger, automatic registration, in the real n8n server', () => {
	let registered = '';

	it('points the account callback URLs at the production URL with a generated token on activation', async () => {
		await n8n.activate(AUTO.id);
		registered = sandbox.data.callback.callback_url;
		expect(registered).toMatch(new RegExp(`^${hookUrl(AUTO.webhookId).replace(/[.?]/g, '\\$&')}\\?token=[0-9a-f]{32}$`));
		expect(sandbox.data.callback).toEqual({ open_callback: 1, callback_url: registered, task_callback_url: registered });
		const [call] = sandbox.requestsTo('/api/setCallback').slice(-1);
		expect(call.paramOrder).toEqual(['user_sn', 'api_key', 'open_callback', 'callback_url', 'task_callback_url', 'url']);
		expect(n8n.serverOutput()).toContain('the callback URL is not https, so call records travel unencrypted');
		expect(n8n.serverOutput()).not.toContain(registered.split('token=')[1]);
	});

	it('receives the pushes of the account and rejects the old manual token', async () => {
		const record = sampleCallRecord(sandbox, { phone: '13800000003' });
		pushes().callEnded(record);
		await pushes().idle();
		expect(pushes().deliveries.map((entry) => entry.answer)).toEqual([PUSH_ACK]);
		const executions = await settledExecutions(AUTO.id, 1);
		expect(emitted(executions)).toMatchObject([{ sn: record.sn, intentLevel: 'D', event: 'callResult' }]);
		expect((await post(`${hookUrl(AUTO.webhookId)}?token=${SECRET}`, JSON.stringify(record))).status).toBe(403);
	});

	it('restores the given URL and switches import pushes off on deactivation, and keeps its token when re-activated', async () => {
		await n8n.deactivate(AUTO.id);
		expect(sandbox.data.callback).toEqual({ open_callback: 1, callback_url: RESTORE_URL, task_callback_url: '' });
		await n8n.activate(AUTO.id);
		expect(sandbox.data.callback.callback_url).toBe(registered);
		await n8n.deactivate(AUTO.id);
		expect(sandbox.data.callback.callback_url).toBe(RESTORE_URL);
	});
});

describe('Listen for test event with automatic registration, in the real n8n server', () => {
	const listen = async () => await n8n.rest<{ waitingForWebhook?: boolean }>('POST', `/rest/workflows/${AUTO.id}/run`, { triggerToStartFrom: { name: TRIGGER_NODE_NAME } });
	const testUrl = () => n8n.webhookTestUrl(`${AUTO.webhookId}/yunke`);

	it('is refused while the workflow is active, and the account keeps pointing at the production URL with pushes on', async () => {
		await n8n.activate(AUTO.id);
		const production = { ...sandbox.data.callback };
		expect(production.callback_url.startsWith(`${hookUrl(AUTO.webhookId)}?token=`)).toBe(true);
		const calls = sandbox.requestsTo('/api/setCallback').length;
		await expect(listen()).rejects.toThrow(/Listening for a test event would take the Yunke account's pushes away from this workflow, which is active/);
		await new Promise((resolve) => setTimeout(resolve, 1500)); // n8n undoes a refused listening asynchronously
		expect(sandbox.requestsTo('/api/setCallback')).toHaveLength(calls);
		expect(sandbox.data.callback).toEqual(production);
		const before = (await n8n.listExecutions(AUTO.id)).length;
		const record = sampleCallRecord(sandbox, { phone: '13800000011' });
		const [attempt] = await pushes().pushCallResult(record);
		expect(attempt).toMatchObject({ url: production.callback_url, status: 200, answer: PUSH_ACK });
		const executions = await settledExecutions(AUTO.id, before + 1);
		expect(emitted(executions.slice(before)).map((item) => item.sn)).toEqual([record.sn]);
	});

	it('registers the Test URL only while listening when the workflow is inactive, then restores the account', async () => {
		await n8n.deactivate(AUTO.id);
		expect(sandbox.data.callback.callback_url).toBe(RESTORE_URL);
		expect((await listen()).data).toEqual({ waitingForWebhook: true });
		expect(sandbox.data.callback.callback_url.startsWith(`${testUrl()}?token=`)).toBe(true);
		const [attempt] = await pushes().pushCallResult(sampleCallRecord(sandbox, { phone: '13800000012' }));
		expect(attempt).toMatchObject({ status: 200, answer: PUSH_ACK });
		const deadline = Date.now() + 20_000;
		while (sandbox.data.callback.callback_url !== RESTORE_URL && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
		expect(sandbox.data.callback).toEqual({ open_callback: 1, callback_url: RESTORE_URL, task_callback_url: '' });
	});
});

describe('Yunke Trigger, manual registration with a short Secret Token', () => {
	it('fails the activation with an English message', async () => {
		await expect(n8n.activate(SHORT_TOKEN.id)).rejects.toThrow(/Secret Token: it must be at least 16 characters long/);
	});
});

describe('Yunke Trigger, automatic registration with a bad restore URL', () => {
	it('fails the activation with an English message before calling Yunke', async () => {
		const before = { ...sandbox.data.callback };
		const calls = sandbox.requestsTo('/api/setCallback').length;
		await expect(n8n.activate(BAD_RESTORE.id)).rejects.toThrow(/Restore Callback URL: \\?"ftp:\/\/old\.example\/hook\\?" is not an http:\/\/ or https:\/\/ URL/);
		expect(sandbox.requestsTo('/api/setCallback')).toHaveLength(calls);
		expect(sandbox.data.callback).toEqual(before);
	});
});

/**
 * The demo and the example workflows of `examples/`, run the way users run them: n8n-nodes-yunke
 * built, packed and installed into a real n8n 2.41.1 (Node 24, `.tools/`), driving the Yunke sandbox
 * in this process. One n8n user folder for the file: the CLI runs first (demo, daily report), then
 * the server with the CRM webhook workflow and the call-result trigger workflow active.
 */
import { DEMO_LOGIN } from '../../sandbox/seed';
import { generateRecords } from '../../sandbox/bulkRecords';
import { Sandbox } from '../../sandbox/server';
import type { CallRecord } from '../../sandbox/state';
import { DEMO_SPEED, runDemo, summarize, waitForCalls, type DemoResult } from '../../scripts/demo';
import { bindToSandbox, nodeNamed, readExample, SANDBOX_CREDENTIAL, type WorkflowJson } from '../../scripts/examples';
import { N8nInstance, nodeOutput } from '../../scripts/n8n/instance';
import { sentRows } from '../helpers/imports';
import { startMockServer, type MockServer } from './helpers/mock-server';

const DAY_MS = 24 * 3600_000;

function chinaDate(offsetDays: number): string {
	return new Date(Date.now() + 8 * 3600_000 + offsetDays * DAY_MS).toISOString().slice(0, 10);
}

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = probe();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

describe('demo and example workflows in a real n8n against the sandbox', () => {
	let n8n: N8nInstance;
	let sandbox: Sandbox;
	let crm: MockServer;

	beforeAll(async () => {
		sandbox = new Sandbox({ quiet: true, speed: DEMO_SPEED });
		await sandbox.start();
		crm = await startMockServer();
		n8n = await N8nInstance.create({ log: () => undefined });
		n8n.installPackage({ log: () => undefined });
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sandbox?.stop();
		await crm?.close();
	});

	describe('npm run demo flow (n8n execute)', () => {
		let demo: DemoResult;

		beforeAll(async () => {
			demo = await runDemo({ n8n, sandbox });
		});

		test('creates the extension through aiUserSaveapi and outputs it without the password', () => {
			const [create] = sandbox.requestsTo('/api/aiUserSaveapi');
			expect(create.params).toMatchObject({ ext: demo.extension.ext, max_call_count: 4, role_id: 62, user_name: demo.extension.user_name });
			expect(create.params.password).toBe(create.params.re_password);
			const seat = sandbox.data.subAccounts.find((account) => account.user_name === demo.extension.user_name);
			expect(seat).toMatchObject({ ext: demo.extension.ext, max_call_count: 4, user_sn: demo.extension.user_sn });
			expect(demo.extension).not.toHaveProperty('password');
			for (const run of demo.runs) {
				expect(run.stdout).not.toContain(String(create.params.password));
				expect(run.stdout).not.toContain(DEMO_LOGIN.password);
			}
		});

		test('creates one task owned by the new seat from the six rows, then starts it', () => {
			const task = sandbox.data.tasks.find((entry) => entry.dial_task_main_sn === demo.task.taskSn);
			expect(task).toBeDefined();
			expect(task!.ai_user_sn).toBe(demo.extension.user_sn);
			expect(task!.source).toBe(demo.task.taskName);
			expect(task!.rows.map((row) => row.phone)).toEqual(['13800138000', '13800138011', '13800138020', '13800138032', '13800138046', '13800138059']);
			const [importRequest] = sandbox.requestsTo('/api/addJson');
			expect(importRequest.params).toMatchObject({ ai_user_sn: demo.extension.user_sn, source: demo.task.taskName });
			expect(sentRows(importRequest)[0]).toMatchObject({ 姓名: '张伟', 备注: 'CRM-1001' });
			expect(demo.task).toMatchObject({ taskCreated: true, rowsSent: 6, rejectedRows: 0 });
			expect(demo.task.counts).toMatchObject({ imported: 6 });
			// the strict sandbox dials a task created without is_zidong at once: the import (Start Dialling off)
			// paused it, then the flow's Start step started it, both by the task's numeric id
			const [pause, start] = sandbox.requestsTo('/api/operateTask');
			expect(pause.params).toMatchObject({ oper: 'stop', project_type: 2, pkeys: String(task!.dial_task_main_id) });
			expect(start.params).toMatchObject({ oper: 'keepOn', project_type: 2, pkeys: String(task!.dial_task_main_id) });
			expect(demo.start).toMatchObject({ dial_task_main_sn: demo.task.taskSn, success: true });
		});

		test('lists the six calls with the intents the sandbox gave them', () => {
			const [list] = sandbox.requestsTo('/api/crmList');
			expect(list.params.dial_task_main_sn).toBe(demo.task.taskSn);
			expect(demo.records.map((record) => [record.phone, record.status, record.hangup_reason])).toEqual([
				['13800138000', 'A', '已接通'],
				['13800138011', 'B', '已接通'],
				['13800138020', 'A', '已接通'],
				['13800138032', 'C', '已接通'],
				['13800138046', '', '无人应答'],
				['13800138059', '', '空号'],
			]);
		});

		test('fetches the transcript and the recording of the first answered call', () => {
			const first = sandbox.data.records.find((record) => record.dial_task_main_sn === demo.task.taskSn && record.connected_at) as CallRecord;
			expect(sandbox.requestsTo('/api/cdrshow')[0].params).toMatchObject({ accounts_sn: first.sn, connected_at: first.connected_at });
			expect(demo.transcript.turnCount).toBeGreaterThan(1);
			expect((demo.transcript.turns as Array<{ speaker: string }>)[0].speaker).toBe('robot');
			expect(sandbox.requestsTo('/api/cdrDownload')[0].params).toMatchObject({ recordpath: first.recordpath, recordfile: first.recordfile });
			expect(demo.recording).toMatchObject({ mimeType: 'audio/wav', fileSize: sandbox.data.recordings.get(String(first.recordfile))!.length });
		});

		test('prints a readable summary of what ran and what came back', () => {
			const text = summarize(demo, sandbox, 42);
			expect(text).toContain(`Extension created      ${String(demo.extension.ext)}`);
			expect(text).toContain(`sn ${String(demo.task.taskSn)}`);
			expect(text).toContain('Calls placed           6: 4 answered (intent A ×2, B ×1, C ×1), 2 not (无人应答 ×1, 空号 ×1)');
			expect(text).toContain(`Transcript             ${String(demo.transcript.turnCount)} turns of the call with 张伟`);
			expect(text).toContain(`${String(demo.recording.fileSize)} bytes (audio/wav)`);
		});

		test('fails with the failing node and Yunke’s reason when a step fails', async () => {
			sandbox.data.account.apiPermission = false;
			try {
				await expect(runDemo({ n8n, sandbox })).rejects.toThrow(/did not succeed\. node "Create Extension" failed: .*no API access/);
			} finally {
				sandbox.data.account.apiPermission = true;
			}
		});
	});

	test('example 3: the daily report counts yesterday’s A and B calls only (n8n execute via Run Now)', async () => {
		// yesterday (China time): 12 calls with every outcome; today's demo calls must not count
		sandbox.clock.advance(-DAY_MS);
		generateRecords(sandbox, 12, undefined, 0);
		sandbox.clock.advance(DAY_MS);
		const yesterday = chinaDate(-1);
		const expected = sandbox.data.records.filter((record) => String(record.created_at).startsWith(yesterday) && ['A', 'B'].includes(String(record.status)));
		expect(expected.length).toBeGreaterThan(0);

		const report = bindToSandbox(readExample('03-daily-intent-report.json'), sandbox.data);
		await n8n.importWorkflow(report);
		sandbox.log = [];
		const run = await n8n.execute(report.id);
		expect(run.execution?.status).toBe('success');

		const [list] = sandbox.requestsTo('/api/crmList');
		expect(list.params).toMatchObject({ start_create_at: `${yesterday} 00:00:00`, end_create_at: `${yesterday} 23:59:59`, status_search: 'status', status_value: ['A', 'B'] });
		const [summary] = nodeOutput(run.execution?.data, 'Intent Report');
		expect(summary).toMatchObject({
			date: yesterday,
			total: expected.length,
			byIntent: { A: expected.filter((record) => record.status === 'A').length, B: expected.filter((record) => record.status === 'B').length },
		});
		expect((summary.calls as Array<{ phone: string }>).map((call) => call.phone).sort()).toEqual(expected.map((record) => record.phone).sort());
		expect(String(summary.text)).toContain(`${expected.length} promising calls`);
	});

	describe('examples 1 and 2 active in the n8n server', () => {
		let crmWebhook: WorkflowJson;
		let callResults: WorkflowJson;

		beforeAll(async () => {
			crmWebhook = bindToSandbox(readExample('01-crm-webhook-to-dialling.json'), sandbox.data);
			callResults = bindToSandbox(readExample('02-call-result-to-crm.json'), sandbox.data);
			nodeNamed(callResults, 'Update CRM Lead').parameters.url = `=${crm.url}/api/leads/by-phone/{{ $json.phone }}/call-result`;
			await n8n.importWorkflow([crmWebhook, callResults]);
			await n8n.activate(crmWebhook.id);
			await n8n.activate(callResults.id);
			sandbox.log = [];
			await n8n.start();
		});

		test('activating the call-result trigger registers its production URL as the Yunke callback', () => {
			const [registration] = sandbox.requestsTo('/api/setCallback');
			expect(registration.params.open_callback).toBe(1);
			expect(String(registration.params.callback_url)).toMatch(new RegExp(`^${n8n.baseUrl}/webhook/.+\\?token=\\w+`));
			expect(sandbox.data.callback.callback_url).toBe(registration.params.callback_url);
		});

		test('the editor’s pickers load from the tenant: list search and the import template columns', async () => {
			const context = {
				nodeTypeAndVersion: { name: 'n8n-nodes-yunke.yunke', version: 1 },
				credentials: { yunkeApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name } },
			};
			const scripts = await n8n.rest<{ results: Array<{ name: string; value: string }> }>('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
				...context,
				path: 'parameters.script',
				methodName: 'searchScripts',
				currentNodeParameters: { resource: 'task', operation: 'create' },
			});
			expect(scripts.data.results).toEqual(sandbox.data.scripts.map((script) => ({ name: script.project_caption, value: script.sn })));
			const script = nodeNamed(crmWebhook, 'Create Task').parameters.script as { value: string };
			const columns = await n8n.rest<{ fields: Array<{ id: string; required: boolean }> }>('POST', '/rest/dynamic-node-parameters/resource-mapper-fields', {
				...context,
				path: 'parameters.columns',
				methodName: 'getTemplateColumns',
				currentNodeParameters: { resource: 'task', operation: 'create', script: { __rl: true, mode: 'list', value: script.value } },
			});
			expect(columns.data.fields.map((field) => [field.id, field.required])).toEqual([
				['姓名', false],
				['*电话', true],
				['地址', false],
				['公司名称', false],
				['备注', false],
			]);
		});

		test('a CRM webhook call becomes a dialling task, and every call result updates the CRM lead', async () => {
			const leads = [
				{ id: 'CRM-2001', name: '周杰', phone: '13900139000', city: '上海' },
				{ id: 'CRM-2002', name: '吴敏', phone: '13900139011', city: '杭州' },
				{ id: 'CRM-2003', name: '郑凯', phone: '13900139023' },
				{ id: 'CRM-2004', name: '孙丽', phone: '13900139037', city: '广州' },
			];
			const response = await fetch(n8n.webhookUrl('yunke-crm-leads'), {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ campaign: 'spring', leads }),
			});
			expect(response.status).toBe(200);
			const reply = (await response.json()) as Record<string, unknown>;
			expect(reply).toMatchObject({ leadsImported: 4, leadsRejected: 0, dialling: true });

			const task = sandbox.data.tasks.find((entry) => entry.dial_task_main_sn === reply.taskSn)!;
			expect(task).toBeDefined();
			expect(String(task.dial_task_main_id)).toBe(String(reply.taskId));
			expect(task.ai_user_sn).toBe(sandbox.data.subAccounts.find((account) => account.user_name === 'agent01')!.user_sn);
			const [importRequest] = sandbox.requestsTo('/api/addJson');
			expect(sentRows(importRequest)).toEqual([
				{ 姓名: '周杰', 电话: '13900139000', 地址: '上海', 公司名称: '', 备注: 'CRM-2001' },
				{ 姓名: '吴敏', 电话: '13900139011', 地址: '杭州', 公司名称: '', 备注: 'CRM-2002' },
				{ 姓名: '郑凯', 电话: '13900139023', 地址: '', 公司名称: '', 备注: 'CRM-2003' },
				{ 姓名: '孙丽', 电话: '13900139037', 地址: '广州', 公司名称: '', 备注: 'CRM-2004' },
			]);
			// paused by the import (the strict sandbox dials a task created without is_zidong), then started by the flow
			expect(sandbox.requestsTo('/api/operateTask').map((request) => request.params.oper)).toEqual(['stop', 'keepOn']);

			await waitForCalls(sandbox, String(reply.taskSn), 60_000);
			const records = sandbox.data.records.filter((record) => record.dial_task_main_sn === reply.taskSn);
			await until('one CRM update per call', () => crm.hits.length >= records.length && crm.hits);
			await n8n.waitForExecutions(callResults.id, records.length);
			expect(crm.hits).toHaveLength(records.length);

			const updates = new Map(crm.hits.map((hit) => [hit.url, hit]));
			for (const record of records) {
				const hit = updates.get(`/api/leads/by-phone/${record.phone}/call-result`);
				expect(hit?.method).toBe('POST');
				expect(hit?.body).toEqual({
					callSn: record.sn,
					// the strict sandbox pushes no task fields (reading pushFields): the example sends null then
					task: null,
					answered: record.hangup_reason === '已接通',
					intentLevel: record.status,
					hangupReason: record.hangup_reason === '已接通' ? 'Connected' : expect.any(String),
					talkSeconds: record.talktimes,
					calledAt: record.created_at,
					connectedAt: record.connected_at,
					recordPath: record.recordpath,
					recordFile: record.recordfile,
				});
			}
			expect(records.map((record) => record.status)).toEqual(['A', 'B', 'D', '']);
		});
	});
});

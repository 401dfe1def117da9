/**
 * The packed package in every n8n line users run (`scripts/n8n/tools.ts`: 2.41.1 on Node 24, the 1.x
 * LTS line 1.123.x on Node 22), with the same assertions: the credential test, an operation of each
 * style (item, batch, binary), Continue On Fail to the error output, the node as an AI Agent tool and
 * the trigger receiving a push. One n8n per line: the CLI runs the workflows, then one server start.
 * Needs `npm run build` (the package is packed from dist/).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PUSH_ACK } from '../../nodes/Yunke/shared/contract';
import { generateRecords } from '../../sandbox/bulkRecords';
import { pushConfig, pushesOf, sampleCallRecord } from '../../sandbox/pushes';
import type { Sandbox } from '../../sandbox/server';
import { N8nInstance, nodeOutput, type ExecuteResult } from '../../scripts/n8n/instance';
import { packPackage } from '../../scripts/n8n/package';
import { ensureTools, N8N_LINES, type N8nLine } from '../../scripts/n8n/tools';
import { importTargets, sentRows } from '../helpers/imports';
import { DEMO_LOGIN, passwordCredential, startSandbox } from '../helpers/sandbox';
import { messageText, startMockChatModel, type MockChatModel } from './helpers/mock-chat-model';
import {
	AGENT_ID,
	AGENT_QUESTION,
	agentScript,
	agentWorkflow,
	OPENAI_CREDENTIAL,
	OPERATIONS_ID,
	operationsWorkflow,
	SCRIPTS_TOOL,
	WRONG_CREDENTIAL,
	YUNKE_CREDENTIAL,
} from './helpers/ltsSmokeWorkflows';
import { TRIGGER_NODE_NAME, triggerWorkflow } from './helpers/triggerWorkflows';

const SECRET = 'e2e-lts-4b8e17a3c5d9e2f4a6b8c0d1';
const TRIGGER = { id: 'yunkeLtsTrigger0001', webhookId: '7c0e6a52-7777-4a77-8a77-000000000007' };
const ROWS = [
	{ 姓名: '周杰', 电话: '13900139000', 备注: 'LTS-1' },
	{ 姓名: '吴敏', 电话: '13900139011', 备注: 'LTS-2' },
];
const SCRIPT_NAMES = ['房产回访', '催缴提醒', '空模板'];
/** The AI Agent version the editor adds in each line. */
const AGENT_VERSION: Record<string, number> = { '2.x': 3.1, '1.x': 3 };

/** Task names allow only letters, digits and parentheses. */
const taskName = (line: N8nLine) => `冒烟测试(${line.n8nVersion.split('.')[0]})`;

let tarball: string;

beforeAll(() => {
	tarball = packPackage({ build: false, log: () => undefined });
});

afterAll(() => fs.rmSync(path.dirname(tarball), { recursive: true, force: true }));

describe.each(N8N_LINES.map((line) => [`n8n ${line.n8nVersion} (${line.name}) on Node ${line.nodeVersion}`, line] as [string, N8nLine]))('%s', (_title, line) => {
	let sandbox: Sandbox;
	let model: MockChatModel;
	let n8n: N8nInstance;
	let operations: ExecuteResult;
	let agent: ExecuteResult;
	let recording: { recordpath: string; recordfile: string };

	beforeAll(async () => {
		sandbox = await startSandbox({ speed: { pushDelayMs: 10 } });
		pushConfig(sandbox).duplicateEvery = 0;
		generateRecords(sandbox, 1);
		const [call] = sandbox.data.records;
		recording = { recordpath: String(call.recordpath), recordfile: String(call.recordfile) };
		model = await startMockChatModel(agentScript);
		n8n = await N8nInstance.create({ tools: await ensureTools({ line }), log: () => undefined });
		n8n.installTarball(tarball);
		await n8n.importCredentials([
			{ ...YUNKE_CREDENTIAL, type: 'yunkeApi', data: passwordCredential(sandbox) },
			{ ...WRONG_CREDENTIAL, type: 'yunkeApi', data: passwordCredential(sandbox, { password: 'Not-The-Password-1' }) },
			{ ...OPENAI_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-mock-0000', url: model.baseUrl, header: false } },
		]);
		const { scriptSn, subAccountSn } = importTargets(sandbox);
		await n8n.importWorkflow([
			operationsWorkflow({ scriptSn, subAccountSn, taskName: taskName(line), rows: ROWS, recording }),
			agentWorkflow(AGENT_VERSION[line.name]),
			triggerWorkflow({ ...TRIGGER, parameters: { registration: 'manual', secretToken: SECRET, events: ['callResult'] } }),
		]);
		operations = await n8n.execute(OPERATIONS_ID);
		agent = await n8n.execute(AGENT_ID);
		await n8n.activate(TRIGGER.id);
		await n8n.start();
	});

	afterAll(async () => {
		await n8n?.dispose();
		await model?.close();
		await sandbox?.stop();
	});

	it('runs the operations workflow to success', () => {
		expect({ status: operations.execution?.status, error: operations.execution?.data.resultData.error?.message }).toEqual({ status: 'success', error: undefined });
	});

	it('item operation: Script → Get Many outputs the tenant’s scripts', () => {
		expect(nodeOutput(operations.execution?.data, 'Scripts').map((script) => script.project_name)).toEqual(SCRIPT_NAMES);
	});

	it('batch operation: Task → Create sends all rows in one import and outputs the task', () => {
		const imports = sandbox.requestsTo('/api/addJson');
		expect(imports).toHaveLength(1);
		expect(sentRows(imports[0])).toEqual(ROWS.map((row) => ({ 姓名: row.姓名, 电话: row.电话, 地址: '', 公司名称: '', 备注: row.备注 })));
		const [task] = nodeOutput(operations.execution?.data, 'Import');
		expect(task).toMatchObject({ taskCreated: true, rowsSent: 2, rejectedRows: 0 });
		expect(sandbox.data.tasks.find((entry) => entry.dial_task_main_sn === task.taskSn)?.source).toBe(taskName(line));
	});

	it('binary operation: Call Record → Download Recording outputs the WAV file', () => {
		const run = operations.execution?.data.resultData.runData.Recording[0];
		const [file] = run?.data?.main?.[0] ?? [];
		const bytes = sandbox.data.recordings.get(recording.recordfile)!.length;
		expect(file.json).toEqual({ ...recording, fileName: recording.recordfile.split('/').pop(), mimeType: 'audio/wav', fileSize: bytes });
		expect(file.binary).toMatchObject({ data: { mimeType: 'audio/wav', fileName: recording.recordfile.split('/').pop() } });
		expect(sandbox.requestsTo('/api/cdrDownload')).toHaveLength(1);
	});

	it('Continue On Fail: the call without a recording file goes to the error output, paired with its item', () => {
		const run = operations.execution?.data.resultData.runData.Recording[0];
		const failed = (run?.data?.main?.[1] ?? []) as Array<{ json: Record<string, unknown>; pairedItem?: unknown }>;
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toBe('Record File: is empty: calls that were not answered have no recording [item 1]');
		expect(failed[0].pairedItem).toEqual({ item: 1 });
	});

	it('AI Agent tool: the model is offered the Yunke tool, its call runs against the sandbox, the answer uses it', () => {
		expect({ status: agent.execution?.status, error: agent.execution?.data.resultData.error?.message }).toEqual({ status: 'success', error: undefined });
		const [tool] = model.requests[0].tools ?? [];
		expect(tool.function).toMatchObject({ name: SCRIPTS_TOOL, description: 'Get many AI call scripts in Yunke' });
		expect(messageText(model.requests[0].messages.find((message) => message.role === 'user')!)).toBe(AGENT_QUESTION);
		expect(model.requests).toHaveLength(2);
		expect(nodeOutput(agent.execution?.data, 'AI Agent')[0].output).toBe(`Scripts: ${SCRIPT_NAMES.join(', ')}`);
	});

	it('the server is the line’s n8n', async () => {
		const settings = await n8n.rest<{ versionCli: string }>('GET', '/rest/settings');
		expect(settings.data.versionCli).toBe(line.n8nVersion);
	});

	it('credential test: passes for the right login and fails with the vendor code for a wrong password, without echoing it', async () => {
		const test = async (ref: { id: string; name: string }, data: Record<string, unknown>) =>
			(await n8n.rest<{ status: string; message: string }>('POST', '/rest/credentials/test', { credentials: { ...ref, type: 'yunkeApi', data } })).data;
		expect(await test(YUNKE_CREDENTIAL, passwordCredential(sandbox))).toMatchObject({ status: 'OK' });
		const wrong = await test(WRONG_CREDENTIAL, passwordCredential(sandbox, { password: 'Not-The-Password-1' }));
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toContain('Yunke rejected the login details (code 20004');
		expect(wrong.message).not.toContain('Not-The-Password-1');
		expect(wrong.message).not.toContain(DEMO_LOGIN.password);
	});

	it('trigger: a pushed call result is answered SUCCESS and runs the workflow with the record', async () => {
		const hook = `${n8n.webhookUrl(`${TRIGGER.webhookId}/yunke`)}?token=${SECRET}`;
		sandbox.data.callback = { open_callback: 1, callback_url: hook, task_callback_url: hook };
		const record = sampleCallRecord(sandbox, { phone: '13800000001' });
		const attempts = await pushesOf(sandbox)!.pushCallResult(record);
		expect(attempts.map(({ status, answer }) => ({ status, answer }))).toEqual([{ status: 200, answer: PUSH_ACK }]);
		const [execution] = await n8n.waitForExecutions(TRIGGER.id, 1);
		expect(nodeOutput(execution.data, TRIGGER_NODE_NAME)).toEqual([expect.objectContaining({ sn: record.sn, event: 'callResult', answered: true })]);
	});
});

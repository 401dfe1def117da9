/**
 * Example 5 (`examples/05-reconcile-outcomes.json`) run the way users run it: n8n-nodes-yunke built,
 * packed and installed into a real n8n 2.41.1, the workflow started from its Schedule Trigger by hand
 * (the editor's "Execute workflow", through n8n's REST API), against the Yunke sandbox in this
 * process and a local receiver standing in for the CRM.
 */
import { buildCallRecord } from '../../sandbox/callRecords';
import { Sandbox } from '../../sandbox/server';
import type { CallRecord, Task } from '../../sandbox/state';
import { bindToSandbox, nodeNamed, readExample, sandboxCredential } from '../../scripts/examples';
import { N8nInstance, nodeOutput } from '../../scripts/n8n/instance';
import { seedTask } from '../helpers/tasks';
import { startMockServer, type MockServer } from './helpers/mock-server';

const DAY_MS = 24 * 3600_000;

describe('example 5: reconcile call outcomes into the CRM, in a real n8n against the sandbox', () => {
	let n8n: N8nInstance;
	let sandbox: Sandbox;
	let crm: MockServer;
	let task: Task;
	const calls: Record<string, CallRecord> = {};

	function call(phone: string, daysAgo: number, patch: Partial<CallRecord> = {}): CallRecord {
		const record = { ...buildCallRecord(sandbox.data, sandbox.clock, task, { phone, name: '客户' }, new Date(Date.now() - daysAgo * DAY_MS)), ...patch };
		sandbox.data.records.push(record);
		return record;
	}

	beforeAll(async () => {
		sandbox = new Sandbox({ quiet: true });
		await sandbox.start();
		crm = await startMockServer();
		n8n = await N8nInstance.create({ log: () => undefined });
		n8n.installPackage({ log: () => undefined });
		await n8n.importCredentials([sandboxCredential(sandbox.url)]);

		// the CRM's leads 3001–3004 were imported into this task ten days ago; 3005 never was
		task = seedTask(sandbox, { source: 'CRM回访', phones: ['13800138000', '13800138016', '13800138021', '13800138032'] });
		task.created_at = sandbox.clock.chinaText(new Date(Date.now() - 10 * DAY_MS));
		call('13800138000', 6, { talktimes: 0, connected_at: '', hangup_reason: '无人应答', status: '' });
		calls['CRM-3001'] = call('13800138000', 3);
		calls['CRM-3002'] = call('13800138016', 2);
		call('13800138032', 8, { talktimes: 0, connected_at: '', hangup_reason: '关机', status: '' });
		calls['CRM-3004'] = call('13800138032', 1);

		const workflow = bindToSandbox(readExample('05-reconcile-outcomes.json'), sandbox.data);
		nodeNamed(workflow, 'Get Outcomes').parameters.task = { __rl: true, mode: 'list', value: task.dial_task_main_sn, cachedResultName: 'CRM回访' };
		const update = nodeNamed(workflow, 'Update CRM Lead');
		update.parameters.url = String(update.parameters.url).replace('https://crm.example.com', crm.url);
		await n8n.importWorkflow(workflow);
		await n8n.start();
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sandbox?.stop();
		await crm?.close();
	});

	test('the decided outcomes of the open leads go to the CRM, each under its own lead; the undecided stay open', async () => {
		sandbox.log = [];
		const run = await n8n.rest<{ executionId?: string }>('POST', '/rest/workflows/yunkeExReconcile0005/run', { triggerToStartFrom: { name: 'Every Hour' } });
		expect(run.data.executionId).toBeDefined();
		const [execution] = await n8n.waitForExecutions('yunkeExReconcile0005', 1, 120_000);
		expect(execution.status).toBe('success');

		expect(nodeOutput(execution.data, 'Get Outcomes').map((outcome) => [outcome.phone, outcome.status, outcome.attempts])).toEqual([
			['13800138000', 'answered', 2],
			['13800138016', 'not answered', 1],
			['13800138021', 'not called yet', 0],
			['13800138032', 'answered', 2],
			['13800138045', 'not in this task', 0],
		]);
		// one read of the task's calls from its creation date on, one of its numbers: not one request per lead
		expect(sandbox.requestsTo('/api/crmList')).toHaveLength(1);
		expect(sandbox.requestsTo('/api/crmList')[0].params).toMatchObject({ dial_task_main_sn: task.dial_task_main_sn, pageIndex: 0 });
		expect(sandbox.requestsTo('/api/getDetailsList')).toHaveLength(1);

		expect(crm.hits.map((hit) => [hit.method, hit.url])).toEqual([
			['POST', '/api/leads/CRM-3001/call-outcome'],
			['POST', '/api/leads/CRM-3002/call-outcome'],
			['POST', '/api/leads/CRM-3004/call-outcome'],
		]);
		const [first, second, fourth] = crm.hits.map((hit) => hit.body);
		expect(first).toEqual({
			status: 'answered',
			answered: true,
			intentLevel: 'A',
			hangupReason: 'Connected',
			talkSeconds: calls['CRM-3001'].talktimes,
			attempts: 2,
			calledAt: calls['CRM-3001'].created_at,
			callSn: calls['CRM-3001'].sn,
			recordPath: '/mnt/record',
			recordFile: calls['CRM-3001'].recordfile,
			task: 'CRM回访',
		});
		expect(second).toMatchObject({ status: 'not answered', answered: false, hangupReason: 'No Answer', attempts: 1, callSn: calls['CRM-3002'].sn, recordFile: '' });
		expect(fourth).toMatchObject({ status: 'answered', intentLevel: 'C', attempts: 2, callSn: calls['CRM-3004'].sn });
	});
});

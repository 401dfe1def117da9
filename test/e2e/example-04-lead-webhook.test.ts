/**
 * Example 4 (`examples/04-lead-webhook-to-todays-task.json`) active in a real n8n 2.41.1 against the
 * sandbox: one lead per webhook call goes into the day's task, which the first call creates; 20 calls
 * arriving together join it, and 50 arriving together before the day has a task make exactly one.
 */
import { DEMO_SPEED } from '../../scripts/demo';
import { bindToSandbox, readExample, sandboxCredential } from '../../scripts/examples';
import { N8nInstance } from '../../scripts/n8n/instance';
import { Sandbox } from '../../sandbox/server';
import { sentRows } from '../helpers/imports';

const WORKFLOW = '04-lead-webhook-to-todays-task.json';
const todaysName = () => `Leads${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '')}`;

let n8n: N8nInstance;
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = new Sandbox({ quiet: true, speed: DEMO_SPEED });
	await sandbox.start();
	n8n = await N8nInstance.create({ log: () => undefined });
	n8n.installPackage({ log: () => undefined });
	await n8n.importCredentials([sandboxCredential(sandbox.url)]);
	const workflow = bindToSandbox(readExample(WORKFLOW), sandbox.data);
	await n8n.importWorkflow(workflow);
	await n8n.activate(workflow.id);
	await n8n.start();
});

afterAll(async () => {
	await n8n?.dispose();
	await sandbox?.stop();
});

async function sendLead(lead: Record<string, string>): Promise<{ status: number; reply: Record<string, unknown>; ms: number }> {
	const started = Date.now();
	const response = await fetch(n8n.webhookUrl('yunke-lead'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(lead) });
	return { status: response.status, reply: (await response.json()) as Record<string, unknown>, ms: Date.now() - started };
}

const creations = () => sandbox.requestsTo('/api/addJson').filter((entry) => entry.params.dial_task_main_sn === undefined);

test('the first lead of the day creates the day’s task, dialling, and the webhook answers with it', async () => {
	const { status, reply } = await sendLead({ id: 'CRM-4001', name: '张伟', phone: '13800138000', city: '北京' });
	expect(status).toBe(200);
	const tasks = sandbox.data.tasks.filter((task) => task.source === todaysName());
	expect(tasks).toHaveLength(1);
	expect(reply).toEqual({ taskId: String(tasks[0].dial_task_main_id), taskSn: tasks[0].dial_task_main_sn, taskName: todaysName(), taskCreated: true, leadImported: true, dialling: true });
	const [creation] = creations();
	expect(creation.params).toMatchObject({ source: todaysName(), is_zidong: 'on' });
	expect(sentRows(creation)).toEqual([{ 姓名: '张伟', 电话: '13800138000', 地址: '北京', 公司名称: '', 备注: 'CRM-4001' }]);
});

/** `count` leads sent at once (ids `<idPrefix>00…`, phones from `firstPhone` on); each answered 200, and the one task of the day. */
async function sendLeadsTogether(count: number, idPrefix: string, firstPhone: number) {
	const leads = Array.from({ length: count }, (_unused, n) => ({ id: `${idPrefix}${String(n).padStart(2, '0')}`, name: `客户${n}`, phone: String(firstPhone + n) }));
	const answers = await Promise.all(leads.map(sendLead));
	expect(answers.map((answer) => answer.status)).toEqual(Array(count).fill(200));
	const tasks = sandbox.data.tasks.filter((task) => task.source === todaysName());
	expect(tasks).toHaveLength(1);
	expect(creations()).toHaveLength(1);
	return { leads, answers, task: tasks[0] };
}

test('20 leads arriving together: all go into the same task, none creates another', async () => {
	const { leads, answers, task } = await sendLeadsTogether(20, 'CRM-41', 13900139100);
	expect(task.rows.map((row) => row.phone).sort()).toEqual(['13800138000', ...leads.map((lead) => lead.phone)].sort());
	for (const { reply } of answers) expect(reply).toMatchObject({ taskSn: task.dial_task_main_sn, taskCreated: false, leadImported: true });
});

test('50 leads arriving together before the day has a task: one creates it, all 50 go in, none creates another', async () => {
	sandbox.reset();
	const { leads, answers, task } = await sendLeadsTogether(50, 'CRM-42', 13700137100);
	expect(task.rows.map((row) => row.phone).sort()).toEqual(leads.map((lead) => lead.phone).sort());
	expect(answers.filter(({ reply }) => reply.taskCreated === true)).toHaveLength(1);
	for (const { reply } of answers) expect(reply).toMatchObject({ taskSn: task.dial_task_main_sn, leadImported: true });
});

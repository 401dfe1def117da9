/** The credentials and workflows of the queue-mode cluster, imported before it starts. */
import { DEMO_LOGIN } from '../../../sandbox/seed';
import { plainWebhookWorkflow, triggerWorkflow } from '../../e2e/helpers/triggerWorkflows';

const YUNKE = 'n8n-nodes-yunke.yunke';

/** Scenario 1 and 2 (shared cold credential, key stolen), 4 (worker killed) and 5 (benchmark): one credential each. */
export const CREDENTIALS = {
	shared: { id: 'queueSharedCred00001', name: 'Yunke queue shared' },
	kill: { id: 'queueKillCred000001', name: 'Yunke queue kill' },
	bench: { id: 'queueBenchCred00001', name: 'Yunke queue bench' },
} as const;

export const TRIGGER_SECRET = 'queue-5e1f0c2b9a7d4e6f8a0b1c2d3e4f5a6b';

export const WORKFLOWS = {
	list: { id: 'queueListScripts001', path: 'queue-list-scripts', webhookId: 'c3c1a0de-3333-4b33-8b33-00000000c003' },
	import: { id: 'queueTaskImport0001', path: 'queue-task-import', webhookId: 'c3c1a0de-4444-4b44-8b44-00000000c004' },
	bench: { id: 'queueImportBench001', path: 'queue-import-bench', webhookId: 'c3c1a0de-5555-4b55-8b55-00000000c005' },
	trigger: { id: 'queueYunkeTrigger01', webhookId: 'c3c1a0de-1111-4b11-8b11-00000000c001' },
	plain: { id: 'queuePlainWebhook01', webhookId: 'c3c1a0de-2222-4b22-8b22-00000000c002', path: 'queue-plain' },
	/** Scenario 6: its trigger holds the duplicate-check lease for a few seconds (run.ts, N8N_YUNKE_TEST_LEASE_HOLD). */
	lease: { id: 'queueLeaseTrigger01', webhookId: 'c3c1a0de-6666-4b66-8b66-00000000c006' },
	/** Scenario 8: one lead per call into the task of the name the call gives (Import Data → Task by Name). */
	leads: { id: 'queueLeadsByName001', path: 'queue-leads-by-name', webhookId: 'c3c1a0de-8888-4b88-8b88-00000000c008' },
} as const;

export function credentialsFor(sandboxUrl: string) {
	return Object.values(CREDENTIALS).map((credential) => ({
		...credential,
		type: 'yunkeApi',
		data: { baseUrl: sandboxUrl, authentication: 'password', username: DEMO_LOGIN.username, password: DEMO_LOGIN.password },
	}));
}

function webhookNode({ id, path, webhookId }: { id: string; path: string; webhookId: string }, responseMode: 'lastNode' | 'onReceived') {
	return {
		id: `${id}-hook`,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		parameters: { httpMethod: 'POST', path, responseMode, options: {} },
		webhookId,
	};
}

/** Webhook (answers when the execution ends) → Script → Get Many. */
function listWorkflow() {
	const { id } = WORKFLOWS.list;
	return {
		id,
		name: 'Queue: list scripts',
		nodes: [
			webhookNode(WORKFLOWS.list, 'lastNode'),
			{ id: `${id}-yunke`, name: 'Yunke', type: YUNKE, typeVersion: 1, position: [220, 0], parameters: { resource: 'script', operation: 'getMany', returnAll: true }, credentials: { yunkeApi: CREDENTIALS.shared } },
		],
		connections: { Webhook: { main: [[{ node: 'Yunke', type: 'main', index: 0 }]] } },
	};
}

/** Webhook body `{ name, script, subAccount, rows: [{ 姓名, phone }] }` (answered at once) → one item per row → Task → Create. */
function importWorkflow(workflow: { id: string; path: string; webhookId: string }, credential: { id: string; name: string }, startDialling: boolean) {
	const { id } = workflow;
	const body = (field: string) => `={{ $('Webhook').first().json.body.${field} }}`;
	return {
		id,
		name: `Queue: task import ${id}`,
		nodes: [
			webhookNode(workflow, 'onReceived'),
			{ id: `${id}-split`, name: 'Rows', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [220, 0], parameters: { fieldToSplitOut: 'body.rows', options: {} } },
			{
				id: `${id}-yunke`,
				name: 'Yunke',
				type: YUNKE,
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					resource: 'task',
					operation: 'create',
					script: { __rl: true, mode: 'id', value: body('script') },
					subAccount: { __rl: true, mode: 'id', value: body('subAccount') },
					taskName: body('name'),
					...(startDialling ? { options: { startDialling: true } } : {}),
				},
				credentials: { yunkeApi: credential },
			},
		],
		connections: { Webhook: { main: [[{ node: 'Rows', type: 'main', index: 0 }]] }, Rows: { main: [[{ node: 'Yunke', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1', saveDataSuccessExecution: startDialling ? 'all' : 'none' },
	};
}

/** Webhook body `{ name, script, subAccount, rows: [{ 姓名, phone }] }` (answered with the import's summary) → Task → Import Data into the task of that name. */
function leadsWorkflow() {
	const base = importWorkflow(WORKFLOWS.leads, CREDENTIALS.shared, true);
	const [, rows, yunke] = base.nodes;
	return {
		...base,
		name: 'Queue: leads into the task by name',
		nodes: [webhookNode(WORKFLOWS.leads, 'lastNode'), rows, { ...yunke, parameters: { ...yunke.parameters, operation: 'importData', into: 'byName' } }],
		settings: { executionOrder: 'v1' },
	};
}

export const TRIGGER_DEDUPE_WINDOW = 5000;

export function clusterWorkflows() {
	return [
		listWorkflow(),
		importWorkflow(WORKFLOWS.import, CREDENTIALS.kill, true),
		importWorkflow(WORKFLOWS.bench, CREDENTIALS.bench, false),
		// Scenario 3's older repeats reach back up to ~1,600 unique records, further than the default
		// Duplicate Window of 1,000: the window must cover how far back repeats come, as a user sets it.
		triggerWorkflow({
			id: WORKFLOWS.trigger.id,
			webhookId: WORKFLOWS.trigger.webhookId,
			parameters: { registration: 'manual', secretToken: TRIGGER_SECRET, events: ['callResult'], options: { dedupeWindow: TRIGGER_DEDUPE_WINDOW } },
		}),
		plainWebhookWorkflow(WORKFLOWS.plain.id, WORKFLOWS.plain.webhookId, WORKFLOWS.plain.path),
		triggerWorkflow({
			id: WORKFLOWS.lease.id,
			webhookId: WORKFLOWS.lease.webhookId,
			parameters: { registration: 'manual', secretToken: TRIGGER_SECRET, events: ['callResult'], options: { dedupeWindow: TRIGGER_DEDUPE_WINDOW } },
		}),
		leadsWorkflow(),
	];
}

/** Every workflow is active (published) before the cluster starts. */
export const ACTIVE_WORKFLOW_IDS = [WORKFLOWS.list.id, WORKFLOWS.import.id, WORKFLOWS.bench.id, WORKFLOWS.trigger.id, WORKFLOWS.plain.id, WORKFLOWS.lease.id, WORKFLOWS.leads.id];

/**
 * The example workflows in `examples/` and the ready "Yunke sandbox" credential, as `npm run demo`,
 * `npm run dev` and the e2e suite import them into a real n8n.
 *
 * The JSON files are what a user imports: Yunke nodes reference the credential by name, and the
 * script / sub-account pickers are empty (each user picks their own) but remember the name of the
 * sandbox's demo entry in `cachedResultName`. `bindToSandbox()` fills those pickers with the sns the
 * running sandbox gave that entry, so the same files run unchanged against the simulator.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { DEMO_LOGIN } from '../sandbox/seed';
import type { SandboxData } from '../sandbox/state';
import { REPO_ROOT } from './n8n/tools';

export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

export const YUNKE_NODE_TYPES = ['n8n-nodes-yunke.yunke', 'n8n-nodes-yunke.yunkeTrigger'];

/** The credential every example and demo workflow uses (n8n matches it by id, users by name). */
export const SANDBOX_CREDENTIAL = { id: 'yunkeSandboxCred0001', name: 'Yunke sandbox', type: 'yunkeApi' } as const;

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id?: string; name: string }>;
	webhookId?: string;
	[key: string]: unknown;
}

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

/** The credential for `n8n import:credentials`, logging in to the sandbox as the demo tenant. */
export function sandboxCredential(baseUrl: string) {
	return {
		...SANDBOX_CREDENTIAL,
		data: { baseUrl, authentication: 'password', username: DEMO_LOGIN.username, password: DEMO_LOGIN.password },
	};
}

/** One workflow file, e.g. `readExample('01-crm-webhook-to-dialling.json')` or `readExample('demo/demo-1-set-up-and-dial.json')`. */
export function readExample(relativePath: string): WorkflowJson {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, relativePath), 'utf8')) as WorkflowJson;
}

/** Every workflow file under `examples/` (demo workflows included), sorted by path. */
export function listExampleFiles(dir = EXAMPLES_DIR): string[] {
	const found: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) found.push(...listExampleFiles(full));
		else if (entry.name.endsWith('.json')) found.push(path.relative(EXAMPLES_DIR, full));
	}
	return found.sort();
}

/**
 * A copy of `workflow` that runs against this sandbox: Yunke nodes use the sandbox credential, and
 * empty script / sub-account / task pickers that name a demo entry (`cachedResultName`) get its sn.
 */
export function bindToSandbox(workflow: WorkflowJson, data: SandboxData): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	for (const node of copy.nodes) {
		if (!YUNKE_NODE_TYPES.includes(node.type)) continue;
		node.credentials = { yunkeApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name } };
		fillPickers(node.parameters, data, node.name);
	}
	return copy;
}

/** What each picker's list shows for a sandbox entry (the same labels as the node's list search). */
const PICKERS: Record<string, (data: SandboxData) => Array<{ labels: string[]; value: string }>> = {
	script: (data) => data.scripts.map((script) => ({ labels: [script.project_caption, script.project_name], value: script.sn })),
	subAccount: (data) =>
		data.subAccounts.map((account) => ({ labels: [`${account.user_name} (${account.contact})`, account.user_name], value: account.user_sn })),
	task: (data) => data.tasks.filter((task) => !task.deleted).map((task) => ({ labels: [task.source], value: task.dial_task_main_sn })),
};

function fillPickers(parameters: Record<string, unknown>, data: SandboxData, nodeName: string): void {
	for (const [key, value] of Object.entries(parameters)) {
		if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
		const locator = value as { __rl?: boolean; mode?: string; value?: unknown; cachedResultName?: string };
		if (locator.__rl && locator.mode === 'list' && !locator.value && locator.cachedResultName) {
			const found = PICKERS[key]?.(data).find((entry) => entry.labels.includes(String(locator.cachedResultName)));
			if (!found) throw new Error(`${nodeName}: the sandbox has no ${key} named "${locator.cachedResultName}"`);
			locator.value = found.value;
			continue;
		}
		fillPickers(value as Record<string, unknown>, data, nodeName);
	}
}

/** The node called `name` (throws when the workflow has none: a renamed node must fail loudly). */
export function nodeNamed(workflow: WorkflowJson, name: string): WorkflowNode {
	const node = workflow.nodes.find((entry) => entry.name === name);
	if (!node) throw new Error(`workflow "${workflow.name}" has no node "${name}" (nodes: ${workflow.nodes.map((entry) => entry.name).join(', ')})`);
	return node;
}

/**
 * The workflows of the smoke suite that runs on every n8n line (`lts-smoke.test.ts`): one workflow with
 * an operation of each style (item, batch, binary with Continue On Fail), one with the Yunke node as an
 * AI Agent tool. Built only from node versions that n8n 1.123.x and 2.41.x both have.
 */
import type { ScriptedReply, ChatRequest } from './mock-chat-model';
import { messageText } from './mock-chat-model';

export const YUNKE_CREDENTIAL = { id: 'yunkeLtsCred0000001', name: 'Yunke sandbox' };
export const WRONG_CREDENTIAL = { id: 'yunkeLtsWrongPass01', name: 'Yunke wrong password' };
export const OPENAI_CREDENTIAL = { id: 'openAiLtsMockCred01', name: 'Mock model' };
export const OPERATIONS_ID = 'yunkeLtsOperations1';
export const AGENT_ID = 'yunkeLtsAgentTool01';
export const SCRIPTS_TOOL = 'Yunke_Scripts';
export const AGENT_QUESTION = 'Which call scripts does the tenant have?';

const credentials = { yunkeApi: YUNKE_CREDENTIAL };

function node(id: number, name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) {
	return { id: `e${id}000000-0000-4000-8000-00000000000${id}`, name, type, typeVersion, position: [id * 200, 0], parameters, ...extra };
}

/** A Set node (raw JSON) + Split Out: one item per element of `rows`. */
function rowsOf(id: number, name: string, rows: Array<Record<string, unknown>>) {
	return [
		node(id, `${name} List`, 'n8n-nodes-base.set', 3.4, { mode: 'raw', jsonOutput: JSON.stringify({ rows }), options: {} }),
		node(id + 1, name, 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'rows', options: {} }),
	];
}

const main = (to: string) => ({ node: to, type: 'main', index: 0 });

export interface OperationsInput {
	scriptSn: string;
	subAccountSn: string;
	taskName: string;
	rows: Array<Record<string, string>>;
	recording: { recordpath: string; recordfile: string };
}

/**
 * Manual Trigger → Script → Get Many (item); → rows → Task → Create from the items (batch: one import);
 * → two calls → Call Record → Download Recording (binary), the second call with no recording file, so
 * Continue On Fail (error output) routes it to the error output.
 */
export function operationsWorkflow(input: OperationsInput) {
	return {
		id: OPERATIONS_ID,
		name: 'Yunke smoke: one operation of each style',
		nodes: [
			node(0, 'Start', 'n8n-nodes-base.manualTrigger', 1, {}),
			node(1, 'Scripts', 'n8n-nodes-yunke.yunke', 1, { resource: 'script', operation: 'getMany', returnAll: true }, { credentials }),
			...rowsOf(2, 'Rows', input.rows),
			node(
				4,
				'Import',
				'n8n-nodes-yunke.yunke',
				1,
				{
					resource: 'task',
					operation: 'create',
					script: { __rl: true, mode: 'id', value: input.scriptSn },
					subAccount: { __rl: true, mode: 'id', value: input.subAccountSn },
					taskName: input.taskName,
					dataSource: 'items',
					columns: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
					options: {},
				},
				{ credentials },
			),
			...rowsOf(5, 'Calls', [input.recording, { recordpath: input.recording.recordpath, recordfile: '' }]),
			node(
				7,
				'Recording',
				'n8n-nodes-yunke.yunke',
				1,
				{
					resource: 'callRecord',
					operation: 'downloadRecording',
					recording: 'whole',
					recordPath: '={{ $json.recordpath }}',
					recordFile: '={{ $json.recordfile }}',
					binaryPropertyName: 'data',
				},
				{ credentials, onError: 'continueErrorOutput' },
			),
		],
		connections: {
			Start: { main: [[main('Scripts'), main('Rows List'), main('Calls List')]] },
			'Rows List': { main: [[main('Rows')]] },
			Rows: { main: [[main('Import')]] },
			'Calls List': { main: [[main('Calls')]] },
			Calls: { main: [[main('Recording')]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** The mock model: list the scripts with the Yunke tool, then answer with their names. */
export function agentScript(request: ChatRequest): ScriptedReply {
	const toolAnswers = request.messages.filter((message) => message.role === 'tool');
	if (toolAnswers.length === 0) return { toolCall: { name: SCRIPTS_TOOL, arguments: {} } };
	const parsed = JSON.parse(messageText(toolAnswers[0])) as unknown;
	const items = (Array.isArray(parsed) ? parsed : [parsed]) as Array<Record<string, unknown>>;
	const names = items.map((item) => ((item.json ?? item) as Record<string, unknown>).project_name);
	return { content: `Scripts: ${names.join(', ')}` };
}

/** Manual Trigger → AI Agent with the OpenAI Chat Model (chat completions, Base URL → the mock) and Yunke Script → Get Many as a tool. */
export function agentWorkflow(agentVersion: number) {
	return {
		id: AGENT_ID,
		name: 'Yunke smoke: the node as an AI Agent tool',
		nodes: [
			node(0, 'Start', 'n8n-nodes-base.manualTrigger', 1, {}),
			node(1, 'AI Agent', '@n8n/n8n-nodes-langchain.agent', agentVersion, { promptType: 'define', text: AGENT_QUESTION, options: {} }),
			node(2, 'OpenAI Chat Model', '@n8n/n8n-nodes-langchain.lmChatOpenAi', 1.2, { model: { __rl: true, mode: 'id', value: 'mock-model' }, options: {} }, { credentials: { openAiApi: OPENAI_CREDENTIAL } }),
			node(3, 'Yunke Scripts', 'n8n-nodes-yunke.yunkeTool', 1, { descriptionType: 'auto', resource: 'script', operation: 'getMany', returnAll: true }, { credentials }),
		],
		connections: {
			Start: { main: [[main('AI Agent')]] },
			'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
			'Yunke Scripts': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/**
 * The Yunke node as a tool of n8n's AI Agent, in the real n8n 2.41.1: Manual Trigger → AI Agent
 * (@n8n/n8n-nodes-langchain.agent 3.1) with the OpenAI Chat Model (lmChatOpenAi 1.3, chat
 * completions, Base URL → a scripted mock model on loopback) and two Yunke tools
 * (`n8n-nodes-yunke.yunkeTool`: Task → Get Many and Call Record → Get Many, filled by `$fromAI()`).
 * The mock asks for the tasks, picks the task by name, asks for its call records, counts the
 * answered ones and answers; the tools run against the sandbox. No real model, no internet.
 */
import { TASK_STATUS } from '../../nodes/Yunke/shared/contract';
import { generateRecords } from '../../sandbox/bulkRecords';
import type { Sandbox } from '../../sandbox/server';
import { newTask } from '../../sandbox/taskModel';
import { N8nInstance, nodeOutput, type ExecuteResult } from '../../scripts/n8n/instance';
import { passwordCredential, startSandbox } from '../helpers/sandbox';
import { messageText, startMockChatModel, type ChatMessage, type ChatRequest, type MockChatModel, type ScriptedReply } from './helpers/mock-chat-model';

const TASK_NAME = '十二月回访';
const QUESTION = `How many calls of task ${TASK_NAME} were answered?`;
const TASKS_TOOL = 'Yunke_Tasks';
const RECORDS_TOOL = 'Yunke_Call_Records';
const YUNKE_CREDENTIAL = { id: 'yunkeAgentCred00001', name: 'Yunke sandbox' };
const OPENAI_CREDENTIAL = { id: 'openAiMockCred00001', name: 'Mock model' };
const WORKFLOW_ID = 'yunkeAgentToolWf001';

let sandbox: Sandbox;
let model: MockChatModel;
let n8n: N8nInstance;
let run: ExecuteResult;
let taskSn: string;
let answeredInSandbox: number;

const toolResults = (request: ChatRequest): ChatMessage[] => request.messages.filter((message) => message.role === 'tool');

/** The tool's answer as the model receives it: the Yunke node's output items as JSON text. */
function itemsOf(message: ChatMessage): Array<Record<string, unknown>> {
	const parsed = JSON.parse(messageText(message)) as unknown;
	const items = Array.isArray(parsed) ? parsed : [parsed];
	return items.map((item) => (item && typeof item === 'object' && 'json' in item ? (item as { json: Record<string, unknown> }).json : (item as Record<string, unknown>)));
}

/** What a model would do: list tasks, pick the task by name, list its calls, count the answered ones. */
function agentScript(request: ChatRequest): ScriptedReply {
	const results = toolResults(request);
	if (results.length === 0) return { toolCall: { name: TASKS_TOOL, arguments: { limit: 50 } } };
	if (results.length === 1) {
		const task = itemsOf(results[0]).find((entry) => entry.source === TASK_NAME);
		if (!task) throw new Error(`no task named ${TASK_NAME} in the tool answer: ${messageText(results[0]).slice(0, 500)}`);
		return { toolCall: { name: RECORDS_TOOL, arguments: { taskSn: task.dial_task_main_sn } } };
	}
	const records = itemsOf(results[1]);
	const answered = records.filter((record) => record.hangup_reason === '已接通').length;
	return { content: `Task ${TASK_NAME}: ${answered} of ${records.length} calls were answered.` };
}

function yunkeTool(name: string, position: number, parameters: Record<string, unknown>) {
	return {
		id: `c${position}000000-0000-4000-8000-00000000000${position}`,
		name,
		type: 'n8n-nodes-yunke.yunkeTool',
		typeVersion: 1,
		position: [200 + position * 200, 300],
		parameters: { descriptionType: 'auto', ...parameters },
		credentials: { yunkeApi: YUNKE_CREDENTIAL },
	};
}

function agentWorkflow() {
	return {
		id: WORKFLOW_ID,
		name: 'Yunke as an AI Agent tool',
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: 'c0000000-0000-4000-8000-000000000000', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'c9000000-0000-4000-8000-000000000009',
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3.1,
				position: [300, 0],
				parameters: { promptType: 'define', text: QUESTION, options: {} },
			},
			{
				id: 'c8000000-0000-4000-8000-000000000008',
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.3,
				position: [200, 300],
				// 1.3 defaults to the Responses API; the mock speaks chat completions
				parameters: { model: { __rl: true, mode: 'id', value: 'mock-model' }, responsesApiEnabled: false, options: {} },
				credentials: { openAiApi: OPENAI_CREDENTIAL },
			},
			yunkeTool(TASKS_TOOL.replace('_', ' '), 1, {
				resource: 'task',
				operation: 'getMany',
				returnAll: false,
				limit: "={{ $fromAI('limit', 'How many tasks to list, newest first', 'number') }}",
			}),
			yunkeTool(RECORDS_TOOL.replace(/_/g, ' '), 2, {
				resource: 'callRecord',
				operation: 'getMany',
				returnAll: true,
				filters: {
					task: { __rl: true, mode: 'id', value: "={{ $fromAI('taskSn', 'The dial_task_main_sn of the task whose calls to list', 'string') }}" },
				},
			}),
		],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
			'Yunke Tasks': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
			'Yunke Call Records': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
	};
}

beforeAll(async () => {
	sandbox = await startSandbox();
	generateRecords(sandbox, 15); // another task's calls, which the filter must leave out
	const task = newTask(sandbox.data, sandbox.clock, { source: TASK_NAME, project_sn: sandbox.data.scripts[0].sn, ai_user_sn: sandbox.data.subAccounts[0].user_sn, status: TASK_STATUS.sent });
	sandbox.data.tasks.push(task);
	taskSn = task.dial_task_main_sn;
	generateRecords(sandbox, 13, taskSn);
	const ofTask = sandbox.data.records.filter((record) => record.dial_task_main_sn === taskSn);
	answeredInSandbox = ofTask.filter((record) => record.hangup_reason === '已接通').length;
	expect(ofTask).toHaveLength(13);

	model = await startMockChatModel(agentScript);
	n8n = await N8nInstance.create();
	n8n.installPackage();
	await n8n.importCredentials([
		{ ...YUNKE_CREDENTIAL, type: 'yunkeApi', data: passwordCredential(sandbox) },
		{ ...OPENAI_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-mock-0000', url: model.baseUrl, header: false } },
	]);
	await n8n.importWorkflow(agentWorkflow());
	sandbox.log.length = 0;
	run = await n8n.execute(WORKFLOW_ID);
});

afterAll(async () => {
	await n8n?.dispose();
	await model?.close();
	await sandbox?.stop();
});

it('the agent run succeeds, through chat completions only', () => {
	expect({ status: run.execution?.status, error: run.execution?.data.resultData.error?.message }).toEqual({ status: 'success', error: undefined });
	expect(model.unexpected).toEqual([]);
	expect(model.requests).toHaveLength(3);
});

it('the model is offered both Yunke tools with the action descriptions and the $fromAI() parameters', () => {
	const tools = Object.fromEntries((model.requests[0].tools ?? []).map((tool) => [tool.function.name, tool.function]));
	expect(Object.keys(tools).sort()).toEqual([RECORDS_TOOL, TASKS_TOOL]);
	expect(tools[TASKS_TOOL].description).toBe('Get many tasks and their progress in Yunke');
	expect(tools[RECORDS_TOOL].description).toBe('Get many call records and their outcomes in Yunke');
	expect(tools[TASKS_TOOL].parameters?.properties?.limit).toMatchObject({ type: 'number', description: 'How many tasks to list, newest first' });
	expect(tools[RECORDS_TOOL].parameters?.properties?.taskSn).toMatchObject({ type: 'string' });
	expect(messageText(model.requests[0].messages.find((message) => message.role === 'user')!)).toBe(QUESTION);
});

it('each tool call runs the Yunke node against the sandbox with the arguments the model chose', () => {
	const [taskList] = sandbox.requestsTo('/api/index');
	expect(taskList.params).toMatchObject({ pageIndex: 0, pageSize: 50 }); // limit 50, chosen by the model
	const recordLists = sandbox.requestsTo('/api/crmList');
	expect(recordLists.length).toBeGreaterThanOrEqual(1);
	expect(recordLists.every((request) => request.params.dial_task_main_sn === taskSn)).toBe(true);
});

it("the tools' answers reach the model: the task list, then only that task's call records", () => {
	const [tasksAnswer] = toolResults(model.requests[1]);
	expect(itemsOf(tasksAnswer).map((task) => task.source)).toContain(TASK_NAME);
	const recordsAnswer = toolResults(model.requests[2])[1];
	const records = itemsOf(recordsAnswer);
	expect(records).toHaveLength(13);
	expect(records.every((record) => record.source === TASK_NAME)).toBe(true);
	expect(messageText(recordsAnswer)).not.toContain('demo-Pa55word');
});

it("the agent's final answer carries the count of answered calls", () => {
	expect(answeredInSandbox).toBeGreaterThan(0);
	const [answer] = nodeOutput(run.execution?.data, 'AI Agent');
	expect(answer.output).toBe(`Task ${TASK_NAME}: ${answeredInSandbox} of 13 calls were answered.`);
});

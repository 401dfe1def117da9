import { randomUUID } from 'node:crypto';

import { ExecutionLifecycleHooks, ExternalSecretsProxy, WorkflowExecute } from 'n8n-core';
import { UnexpectedError, Workflow } from 'n8n-workflow';
import type {
	ExecutionBaseError,
	ExecutionStatus,
	IBinaryData,
	ICredentialType,
	IConnections,
	INode,
	INodeExecutionData,
	INodeType,
	IPinData,
	IRun,
	IRunData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { type BinaryDataMode, setupContainer, useBinaryDataMode } from './container';
import { CredentialsHelper, type HarnessCredential } from './credentials-helper';
import { CredentialTypes, NodeTypes } from './registries';
import { type InputItem, SOURCE_NODE_TYPE, TestItemsNode, inputNode } from './source-node';

export type { HarnessCredential } from './credentials-helper';
export type { BinaryInput, InputItem } from './source-node';
export { inputNode, SOURCE_NODE_TYPE } from './source-node';

export interface EngineOptions {
	nodeTypes: Record<string, INodeType | IVersionedNodeType>;
	credentialTypes: Record<string, ICredentialType>;
	credentials?: HarnessCredential[];
	/** 'memory' (default): binary stays inline base64. 'filesystem': real blob store in a temp dir. */
	binaryDataMode?: BinaryDataMode;
}

export interface WorkflowInput {
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
}

export interface RunOptions {
	timeoutMs?: number;
	mode?: WorkflowExecuteMode;
	/** Node to start from; defaults to the first node without incoming connections. */
	startNode?: string;
}

export interface RunResult {
	status: ExecutionStatus;
	run: IRun;
	runData: IRunData;
	error?: ExecutionBaseError;
	executedNodes: string[];
	output(nodeName: string, outputIndex?: number, runIndex?: number): INodeExecutionData[];
}

export interface NodeRunResult extends RunResult {
	nodeName: string;
	/** Every output of the node under test (run 0): outputs[0] = main, outputs[1] = error output, … */
	outputs: INodeExecutionData[][];
	nodeError?: ExecutionBaseError;
}

export type NodeUnderTest = Pick<INode, 'type' | 'typeVersion'> & Partial<Omit<INode, 'type' | 'typeVersion'>>;

const DEFAULT_TIMEOUT_MS = 30_000;

export class TestEngine {
	readonly nodeTypes: NodeTypes;

	readonly credentialTypes: CredentialTypes;

	readonly credentialsHelper: CredentialsHelper;

	private readonly binaryDataMode: BinaryDataMode;

	constructor(opts: EngineOptions) {
		setupContainer();
		this.nodeTypes = new NodeTypes({ [SOURCE_NODE_TYPE]: new TestItemsNode(), ...opts.nodeTypes });
		this.credentialTypes = new CredentialTypes(opts.credentialTypes, this.nodeTypes.nodesByCredential());
		this.credentialsHelper = new CredentialsHelper(this.credentialTypes);
		for (const credential of opts.credentials ?? []) this.credentialsHelper.addCredential(credential);
		this.binaryDataMode = opts.binaryDataMode ?? 'memory';
	}

	/** Persisted credential rows (decrypted), as `updateCredentials` left them. */
	get credentialStore(): Map<string, HarnessCredential> {
		return this.credentialsHelper.store;
	}

	/** How many times `updateCredentials` persisted data (e.g. a saved preAuthentication login). */
	get credentialUpdates(): number {
		return this.credentialsHelper.updates;
	}

	setCredential(credential: HarnessCredential): void {
		this.credentialsHelper.addCredential(credential);
	}

	/** Reads binary data the way nodes do (inline base64 or by id from the active store). */
	async binaryBuffer(binary: IBinaryData): Promise<Buffer> {
		return await (await useBinaryDataMode(this.binaryDataMode)).getAsBuffer(binary);
	}

	async run(input: WorkflowInput, opts: RunOptions = {}): Promise<RunResult> {
		await useBinaryDataMode(this.binaryDataMode);
		const mode = opts.mode ?? 'manual';
		const executionId = randomUUID();
		const settings: IWorkflowSettings = { executionOrder: 'v1', ...input.settings };
		const workflow = new Workflow({
			id: 'harness-workflow',
			name: 'Harness workflow',
			nodes: input.nodes,
			connections: input.connections,
			active: false,
			nodeTypes: this.nodeTypes,
			settings,
			pinData: input.pinData,
		});
		const startNode = opts.startNode
			? workflow.getNode(opts.startNode)
			: input.nodes.find((node) => workflow.getParentNodes(node.name).length === 0);
		if (!startNode) throw new UnexpectedError('Workflow has no start node');

		const workflowData = {
			id: workflow.id,
			name: workflow.name,
			nodes: input.nodes,
			connections: input.connections,
			settings,
			active: false,
			isArchived: false,
			createdAt: new Date(),
			updatedAt: new Date(),
		} as IWorkflowBase;
		const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
		const executedNodes: string[] = [];
		hooks.addHandler('nodeExecuteAfter', (nodeName) => {
			executedNodes.push(nodeName);
		});

		const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
		const additionalData = this.additionalData(hooks, executionId, workflow.id, timeoutMs);
		const execution = new WorkflowExecute(additionalData, mode).run({
			workflow,
			startNode,
			pinData: input.pinData,
		});

		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(() => {
				execution.cancel();
				reject(new UnexpectedError(`Workflow execution did not finish within ${timeoutMs} ms`));
			}, timeoutMs + 1_000);
		});
		try {
			const run = await Promise.race([execution, timeout]);
			return toRunResult(run, executedNodes);
		} finally {
			clearTimeout(timer);
		}
	}

	/** Runs `Input (test.items) → node` and returns every output of the node. */
	async runNode(node: NodeUnderTest, items: InputItem[] = [{}], opts: RunOptions = {}): Promise<NodeRunResult> {
		const nodeName = node.name ?? 'Node';
		const source = inputNode(items);
		const full: INode = { id: randomUUID(), position: [200, 0], parameters: {}, ...node, name: nodeName };
		const result = await this.run(
			{
				nodes: [source, full],
				connections: { [source.name]: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } },
			},
			{ ...opts, startNode: source.name },
		);
		const task = result.runData[nodeName]?.[0];
		return {
			...result,
			nodeName,
			outputs: (task?.data?.main ?? []).map((items) => items ?? []),
			nodeError: task?.error,
		};
	}

	private additionalData(
		hooks: ExecutionLifecycleHooks,
		executionId: string,
		workflowId: string,
		timeoutMs: number,
	): IWorkflowExecuteAdditionalData {
		const unsupported = (what: string) => async () => {
			throw new UnexpectedError(`${what} is not supported by the test harness`);
		};
		const base = 'http://127.0.0.1:5678';
		return {
			credentialsHelper: this.credentialsHelper,
			hooks,
			executionId,
			workflowId,
			executionTimeoutTimestamp: Date.now() + timeoutMs,
			currentNodeExecutionIndex: 0,
			variables: {},
			externalSecretsProxy: new ExternalSecretsProxy(),
			restApiUrl: `${base}/rest`,
			instanceBaseUrl: base,
			formBaseUrl: `${base}/form`,
			formWaitingBaseUrl: `${base}/form-waiting`,
			formTestBaseUrl: `${base}/form-test`,
			webhookBaseUrl: `${base}/webhook`,
			webhookWaitingBaseUrl: `${base}/webhook-waiting`,
			webhookTestBaseUrl: `${base}/webhook-test`,
			mcpBaseUrl: `${base}/mcp`,
			mcpTestBaseUrl: `${base}/mcp-test`,
			executeWorkflow: unsupported('executeWorkflow'),
			startRunnerTask: unsupported('startRunnerTask'),
			getRunExecutionData: async () => undefined,
			getRuntimeCredential: async () => undefined,
			logAiEvent: () => {},
		} as IWorkflowExecuteAdditionalData;
	}
}

function toRunResult(run: IRun, executedNodes: string[]): RunResult {
	const { runData, error } = run.data.resultData;
	return {
		status: run.status,
		run,
		runData,
		error,
		executedNodes,
		output: (nodeName, outputIndex = 0, runIndex = 0) =>
			runData[nodeName]?.[runIndex]?.data?.main?.[outputIndex] ?? [],
	};
}

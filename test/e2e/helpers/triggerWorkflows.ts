/** Workflows around the Yunke Trigger for the real n8n server (e2e tests and the trigger benchmark). */

export const TRIGGER_TYPE = 'n8n-nodes-yunke.yunkeTrigger';
export const TRIGGER_NODE_NAME = 'Yunke Trigger';

/** The id of the trigger node in `triggerWorkflow` (the scope of its processed-data keys). */
export const triggerNodeId = (webhookId: string) => `${webhookId.slice(0, 8)}-0000-4000-8000-000000000001`;

export interface TriggerWorkflowOptions {
	id: string;
	webhookId: string;
	parameters: Record<string, unknown>;
	credential?: { id: string; name: string };
	/** 1.1 is what the editor adds; 1 is what workflows made with 0.1.0 hold */
	typeVersion?: 1 | 1.1;
}

export function triggerWorkflow({ id, webhookId, parameters, credential, typeVersion = 1.1 }: TriggerWorkflowOptions) {
	return {
		id,
		name: `Yunke Trigger ${id}`,
		nodes: [
			{
				id: triggerNodeId(webhookId),
				name: TRIGGER_NODE_NAME,
				type: TRIGGER_TYPE,
				typeVersion,
				position: [0, 0],
				parameters,
				webhookId,
				...(credential ? { credentials: { yunkeApi: credential } } : {}),
			},
		],
		connections: {},
		settings: { saveDataSuccessExecution: 'all', saveManualExecutions: true },
	};
}

/** n8n's own Webhook node answering at once: the baseline of the benchmark. */
export function plainWebhookWorkflow(id: string, webhookId: string, path: string) {
	return {
		id,
		name: `Plain webhook ${id}`,
		nodes: [
			{
				id: `${webhookId.slice(0, 8)}-0000-4000-8000-000000000002`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
				webhookId,
			},
		],
		connections: {},
		settings: { saveDataSuccessExecution: 'all' },
	};
}

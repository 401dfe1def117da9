import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { searchTasks } from '../Yunke/methods/listSearch';
import { PUSH_ACK } from '../Yunke/shared/contract';
import { earlierDeliveryAccepted, watchAnswer } from './answer';
import { emitFirstDeliveries } from './clusterDedupe';
import { forgetKey, RECEIVED_BY, THIS_PROCESS, triggerIdOf } from './dedupe';
import { triggerProperties } from './description';
import { triggerOptions } from './options';
import type { PushEvent } from './payload';
import { receivePush, type ReceiveSettings } from './receive';
import { isAutomatic, registerCallback, unregisterCallback, type TriggerStaticData } from './registration';
import { MIN_MANUAL_TOKEN_LENGTH } from './security';

export class YunkeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Yunke Trigger',
		name: 'yunkeTrigger',
		icon: { light: 'file:yunke.svg', dark: 'file:yunke.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves as 1. n8n's webhook layer treats a start node of version 1 as its old Webhook
		// node and evaluates an expression for every request (webhook-helpers.js, parseRequestBody),
		// which builds an expression isolate per push; from 1.1 on it does not.
		version: [1, 1.1],
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: 'Starts the workflow when Yunke pushes a call result or the result of an import',
		defaults: { name: 'Yunke Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Only automatic registration calls the API; in manual mode the credential is optional and
		// lets the Task filter list the account's tasks.
		credentials: [{ name: 'yunkeApi', required: false }],
		// SUCCESS for a push that starts an execution, sent by n8n after it accepted the execution (answer.ts)
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: PUSH_ACK, path: 'yunke' }],
		properties: triggerProperties,
	};

	methods = { listSearch: { searchTasks } };

	webhookMethods = {
		default: {
			/** Yunke cannot report its callback URL, so automatic mode re-sends it on every activation. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (isAutomatic(this)) return false;
				requireLongManualToken(this);
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (!isAutomatic(this)) return true;
				return await registerCallback.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await unregisterCallback.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject() as ReturnType<IWebhookFunctions['getRequestObject']> & { rawBody?: Buffer };
		const staticData = this.getWorkflowStaticData('node') as TriggerStaticData;
		const settings = settingsOf(this, staticData);
		const receive = () =>
			receivePush(
				{ query: request.query as IDataObject, contentLength: request.headers['content-length'], body: request.body, rawBody: request.rawBody },
				settings,
				staticData,
			);
		let outcome = receive();
		// a repeat of a push still waiting for n8n's answer is a duplicate only if n8n accepted that push
		if (outcome.verdict === 'duplicate' && !(await earlierDeliveryAccepted(settings.triggerId, outcome.keys ?? []))) outcome = receive();
		const response = this.getResponseObject();
		if (outcome.emit) {
			// n8n answers (the webhook's responseData, SUCCESS) once it has stored and queued the execution (answer.ts)
			const [key] = outcome.keys ?? [];
			watchAnswer(response, settings.triggerId, key, () => forgetKey(settings.triggerId, key));
			response.type('text/plain');
			// Built by hand: returnJsonArray would take a push's own `json`/`binary` fields for the item's.
			return { workflowData: [[{ json: outcome.emit, [RECEIVED_BY]: THIS_PROCESS }]] };
		}
		// Nothing to run: the node answers by itself at once.
		response.status(outcome.status).type('text/plain').send(outcome.answer);
		if (outcome.status >= 400) {
			this.logger.warn(`Yunke Trigger "${this.getNode().name}": answered HTTP ${outcome.status} to a push from ${request.ip ?? 'an unknown address'}: ${outcome.answer}`);
		}
		return { noWebhookResponse: true };
	}

	/** The execution's first step: the duplicate check shared by every n8n process (clusterDedupe.ts). */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { dedupeWindow } = triggerOptions(this.getNodeParameter('options', 0, {}));
		return [await emitFirstDeliveries(this, this.getInputData(), dedupeWindow)];
	}
}

function settingsOf(ctx: IWebhookFunctions, staticData: TriggerStaticData): ReceiveSettings {
	const automatic = ctx.getNodeParameter('registration', 'manual') === 'automatic';
	const filters = ctx.getNodeParameter('filters', {}) as {
		onlyAnswered?: boolean;
		intentLevels?: string[];
		task?: { value?: string } | string;
	};
	const options = triggerOptions(ctx.getNodeParameter('options', {}));
	const task = typeof filters.task === 'object' ? filters.task?.value : filters.task;
	return {
		expectedToken: automatic ? (staticData.token ?? '') : manualToken(ctx),
		maxBodyBytes: options.maxBodyKb * 1024,
		filters: {
			events: ctx.getNodeParameter('events', []) as PushEvent[],
			onlyAnswered: filters.onlyAnswered === true,
			intentLevels: filters.intentLevels ?? [],
			taskSn: String(task ?? '').trim(),
		},
		dedupeWindow: options.dedupeWindow,
		// Test events have their own window, so that listening does not use up production records.
		triggerId: `${triggerIdOf(ctx)}${ctx.getMode() === 'manual' ? '/test' : ''}`,
	};
}

/** The manual Secret Token; a short one counts as none, so every push is refused. */
function manualToken(ctx: IWebhookFunctions | IHookFunctions): string {
	const token = String(ctx.getNodeParameter('secretToken', '') ?? '');
	return token.length >= MIN_MANUAL_TOKEN_LENGTH ? token : '';
}

function requireLongManualToken(ctx: IHookFunctions): void {
	if (manualToken(ctx)) return;
	throw new NodeOperationError(ctx.getNode(), `Secret Token: it must be at least ${MIN_MANUAL_TOKEN_LENGTH} characters long`, {
		description: 'Enter a long random text (for example 32 letters and digits) as Secret Token, and put the same text after ?token= in the URL you paste into the Yunke console',
	});
}

/**
 * The Yunke Trigger's `webhook()` with a request and response like n8n's (an express response: an
 * event emitter with a status code), n8n's real item helper, and n8n's own answer to a push that
 * started an execution (`n8nAnswers`: 200 once it stored and queued the execution, 500 when that failed).
 */
import { EventEmitter } from 'node:events';
import { returnJsonArray } from 'n8n-core';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { YunkeTrigger } from '../../nodes/YunkeTrigger/YunkeTrigger.node';

export const TRIGGER_TOKEN = 'f00dbabe0123456789abcdef01234567';
export const TRIGGER_NODE = { id: 'node-1', name: 'Yunke Trigger', credentials: {} };
export const TRIGGER_ID = 'wf-node-test/node-1';

export interface WebhookCall {
	body: unknown;
	query?: IDataObject;
	rawBody?: Buffer;
	contentLength?: string;
	parameters?: IDataObject;
}

export class FakeResponse extends EventEmitter {
	statusCode = 200;
	text = '';
	writableFinished = false;
	contentType = '';

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	type(contentType: string): this {
		this.contentType = contentType;
		return this;
	}

	send(text: string): this {
		this.text = text;
		this.writableFinished = true;
		this.emit('finish');
		this.emit('close');
		return this;
	}

	/** n8n's answer after it tried to store and queue the execution. */
	n8nAnswers(status: number, text = status === 200 ? 'SUCCESS' : '{"code":0,"message":"There was a problem executing the workflow"}'): void {
		this.status(status).send(text);
	}

	/** The client went away before any answer (Yunke's timeout, or the n8n process died). */
	dropped(): void {
		this.emit('close');
	}
}

export async function triggerWebhook({ body, query = { token: TRIGGER_TOKEN }, rawBody, contentLength, parameters = {} }: WebhookCall) {
	const warnings: string[] = [];
	const params: IDataObject = { registration: 'manual', secretToken: TRIGGER_TOKEN, events: ['callResult', 'importFinished'], ...parameters };
	const response = new FakeResponse();
	const ctx = {
		getRequestObject: () => ({ query, headers: contentLength === undefined ? {} : { 'content-length': contentLength }, body, rawBody, ip: '203.0.113.9' }),
		getResponseObject: () => response,
		getWorkflowStaticData: () => ({}),
		getNodeParameter: (name: string, fallback?: unknown) => params[name] ?? fallback,
		getWorkflow: () => ({ id: 'wf-node-test' }),
		getNode: () => TRIGGER_NODE,
		getMode: () => 'webhook',
		logger: { warn: (message: string) => warnings.push(message) },
		helpers: { returnJsonArray },
	} as unknown as IWebhookFunctions;
	const result: IWebhookResponseData = await new YunkeTrigger().webhook.call(ctx);
	return { answer: { status: response.text ? response.statusCode : 0, text: response.text }, response, result, warnings, items: result.workflowData?.[0] ?? [] };
}

export const jsonBody = (body: IDataObject) => ({ body, rawBody: Buffer.from(JSON.stringify(body)) });

/**
 * A scripted OpenAI-compatible chat model on 127.0.0.1 (random port): `POST /v1/chat/completions`
 * answers with whatever the test's script returns for the conversation so far (a tool call or a
 * final text), as JSON or, when the client asks for `stream: true`, as server-sent events.
 * Every request body is recorded, so tests can assert what the agent sent (tools, tool results).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool';
	content: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

export interface ChatTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: { properties?: Record<string, { type?: string; description?: string }>; required?: string[] } };
}

export interface ChatRequest {
	model: string;
	messages: ChatMessage[];
	tools?: ChatTool[];
	stream?: boolean;
}

export type ScriptedReply = { toolCall: { name: string; arguments: Record<string, unknown> } } | { content: string };

export interface MockChatModel {
	/** Base URL to put into the OpenAI credential (ends in `/v1`). */
	baseUrl: string;
	requests: ChatRequest[];
	/** Paths other than chat completions that were asked for (e.g. `/v1/responses`): must stay empty. */
	unexpected: string[];
	close(): Promise<void>;
}

/** The text of a message, whether the client sent a string or content parts. */
export function messageText(message: ChatMessage): string {
	if (typeof message.content === 'string') return message.content;
	return (message.content ?? []).map((part) => part.text ?? '').join('');
}

function completion(reply: ScriptedReply, callIndex: number) {
	const message = 'toolCall' in reply
		? {
				role: 'assistant',
				content: null,
				tool_calls: [{ id: `call_${callIndex}`, type: 'function', function: { name: reply.toolCall.name, arguments: JSON.stringify(reply.toolCall.arguments) } }],
			}
		: { role: 'assistant', content: reply.content };
	return { message, finishReason: 'toolCall' in reply ? 'tool_calls' : 'stop' };
}

function sendJson(res: http.ServerResponse, reply: ScriptedReply, callIndex: number): void {
	const { message, finishReason } = completion(reply, callIndex);
	res.writeHead(200, { 'content-type': 'application/json' });
	res.end(
		JSON.stringify({
			id: `chatcmpl-mock-${callIndex}`,
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model: 'mock-model',
			choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
			usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
		}),
	);
}

function sendStream(res: http.ServerResponse, reply: ScriptedReply, callIndex: number): void {
	const { message, finishReason } = completion(reply, callIndex);
	const base = { id: `chatcmpl-mock-${callIndex}`, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: 'mock-model' };
	const delta = message.tool_calls
		? { role: 'assistant', content: null, tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })) }
		: { role: 'assistant', content: message.content };
	res.writeHead(200, { 'content-type': 'text/event-stream' });
	res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`);
	res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: finishReason }], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } })}\n\n`);
	res.end('data: [DONE]\n\n');
}

export async function startMockChatModel(script: (request: ChatRequest) => ScriptedReply): Promise<MockChatModel> {
	const requests: ChatRequest[] = [];
	const unexpected: string[] = [];
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
				unexpected.push(`${req.method} ${req.url}`);
				res.writeHead(404, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { message: `mock model: no ${req.method} ${req.url}`, type: 'invalid_request_error' } }));
				return;
			}
			const request = JSON.parse(raw) as ChatRequest;
			requests.push(request);
			let reply: ScriptedReply;
			try {
				reply = script(request);
			} catch (error) {
				res.writeHead(400, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { message: `mock model script: ${(error as Error).message}`, type: 'invalid_request_error' } }));
				return;
			}
			if (request.stream) sendStream(res, reply, requests.length);
			else sendJson(res, reply, requests.length);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		requests,
		unexpected,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			}),
	};
}

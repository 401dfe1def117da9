import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { Params, VendorFault, type ApiContext, type ApiResponse, type SandboxEvents, type SandboxShapes } from './routeToolkit';
import { AUTH_DEFAULTS, AREA_ROUTES, startAreaServices, type AreaServices } from './areas';
import { AuthService, type AuthConfig } from './auth';
import { Clock } from './clock';
import { controlRoutes } from './control';
import { FaultQueue, type FaultRule } from './faults';
import { parseRequest, readBody, sendFile, sendJson, sendText, type ParsedRequest } from './http';
import { chooseReadings } from './readingChoice';
import { STRICT_SHAPES } from './readings';
import { seedTenant } from './seed';
import type { SandboxData } from './state';
import { SERVER_ERROR_CODE, vendorMessage } from './vendor';

export interface LoggedRequest {
	at: string;
	method: string;
	path: string;
	contentType: string;
	params: Record<string, unknown>;
	paramOrder: string[];
	files: Array<{ field: string; fileName: string; size: number }>;
	answer: unknown;
}

export interface SandboxOptions {
	port?: number;
	host?: string;
	auth?: Partial<AuthConfig>;
	/** Milliseconds of simulated work per time unit; areas read it (dialling speed, async imports). */
	speed?: Partial<SandboxSpeed>;
	/** Readings of disputed vendor rules (sandbox/readings.ts); unknown names or values throw. */
	shapes?: Partial<SandboxShapes>;
	quiet?: boolean;
}

export interface SandboxSpeed {
	/** ms of real time for one simulated call */
	callMs: number;
	/** ms before an async import finishes */
	asyncImportMs: number;
	/** ms between hang-up and the call-result push */
	pushDelayMs: number;
	/** ms before a newly created task shows in the task list (5.1); other calls see it at once */
	newTaskListDelayMs: number;
}

const IDLE_CONNECTION_MS = 75_000;

/** A stateful Yunke API simulator on Node's own http module, with a control API for tests. */
export class Sandbox {
	readonly clock = new Clock();
	readonly faults = new FaultQueue();
	readonly auth: AuthService;
	readonly speed: SandboxSpeed;
	/** The readings in force; `reset()` restores `startShapes`, the ones the sandbox was started with. */
	readonly shapes: SandboxShapes;
	readonly startShapes: Readonly<SandboxShapes>;
	data: SandboxData;
	log: LoggedRequest[] = [];
	private server: http.Server | undefined;
	private sockets = new Set<Socket>();
	private services: AreaServices | undefined;
	url = '';

	constructor(private readonly options: SandboxOptions = {}) {
		this.auth = new AuthService(this.clock, { ...AUTH_DEFAULTS, ...options.auth });
		this.speed = { callMs: 200, asyncImportMs: 300, pushDelayMs: 100, newTaskListDelayMs: 0, ...options.speed };
		this.startShapes = { ...STRICT_SHAPES, ...chooseReadings(options.shapes) };
		this.shapes = { ...this.startShapes };
		this.data = seedTenant(this.clock);
	}

	readonly events: SandboxEvents = {
		taskChanged: (taskSn) => this.services?.taskChanged(taskSn),
		importFinished: (taskSn) => this.services?.importFinished(taskSn),
	};

	async start(): Promise<string> {
		this.server = http.createServer((req, res) => void this.handle(req, res));
		// Node's client agents drop an idle connection after 5 s; a server closing first (Node's default is
		// also 5 s) resets the next request its client sends on it, which a busy or blocked event loop
		// (seeding 300,000 rows) makes certain. Like nginx (75 s), outlive the clients.
		this.server.keepAliveTimeout = IDLE_CONNECTION_MS;
		this.server.headersTimeout = IDLE_CONNECTION_MS + 1000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server?.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', resolve));
		const { port } = this.server.address() as AddressInfo;
		this.url = `http://${this.options.host ?? '127.0.0.1'}:${port}`;
		this.services = startAreaServices(this);
		return this.url;
	}

	async stop(): Promise<void> {
		this.services?.stop();
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	reset(): void {
		this.services?.stop();
		this.data = seedTenant(this.clock);
		this.clock.reset();
		this.auth.reset();
		this.faults.clear();
		Object.assign(this.shapes, this.startShapes);
		this.log = [];
		if (this.server) this.services = startAreaServices(this);
	}

	injectFault(rule: Omit<FaultRule, 'count' | 'phase'> & Partial<Pick<FaultRule, 'count' | 'phase'>>): void {
		this.faults.add({ count: 1, phase: 'before', ...rule });
	}

	requestsTo(path: string): LoggedRequest[] {
		return this.log.filter((entry) => entry.path === path);
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		let raw: Buffer;
		try {
			raw = await readBody(req);
		} catch {
			sendJson(res, { code: 20002, msg: vendorMessage(20002) }, 413);
			return;
		}
		const request = parseRequest(req, raw);
		if (request.path.startsWith('/__control/')) {
			await controlRoutes(this, request, res);
			return;
		}
		const fault = this.faults.take(request.path);
		if (fault?.phase === 'before' && (await this.answerFault(fault, res))) {
			this.record(request, { fault: fault.action.type });
			return;
		}
		const answer = await this.dispatch(request);
		this.record(request, 'json' in answer ? answer.json : 'file' in answer ? { file: answer.file.fileName } : { text: answer.text });
		if (fault?.phase === 'after' && (await this.answerFault(fault, res))) return;
		if ('json' in answer) sendJson(res, answer.json);
		else if ('file' in answer) sendFile(res, answer.file.data, answer.file.mimeType, answer.file.fileName);
		else sendText(res, answer.text, answer.status ?? 200, answer.contentType);
	}

	private async dispatch(request: ParsedRequest): Promise<ApiResponse> {
		const params = new Params(request.params);
		try {
			if (request.bodyError) throw new VendorFault(20002);
			if (request.path === '/api/login') {
				if (request.method !== 'POST') throw new VendorFault(20001);
				return this.auth.login(this.data, params);
			}
			const route = AREA_ROUTES[request.path];
			// as the platform's web server does: HTTP 404 with an HTML page
			if (!route) return { text: '<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>', contentType: 'text/html', status: 404 };
			const isGet = request.method === 'GET';
			if (route.method !== 'ANY' && route.method !== request.method) throw new VendorFault(20001);
			this.auth.verify(this.data, params, isGet);
			const context: ApiContext = { data: this.data, params, files: request.files, clock: this.clock, speed: this.speed, shapes: this.shapes, events: this.events };
			return await route.handler(context);
		} catch (error) {
			if (error instanceof VendorFault) return { json: { code: error.code, msg: error.msg, ...error.extra } };
			if (!this.options.quiet) process.stderr.write(`sandbox: ${request.path} failed: ${(error as Error).stack}\n`);
			return { json: { code: SERVER_ERROR_CODE, msg: vendorMessage(SERVER_ERROR_CODE) } };
		}
	}

	/** Returns false for faults that only delay the normal answer. */
	private async answerFault(rule: FaultRule, res: http.ServerResponse): Promise<boolean> {
		const action = rule.action;
		switch (action.type) {
			case 'delay':
				await sleep(action.ms);
				return false;
			case 'hang':
				await sleep(action.ms);
				res.socket?.destroy();
				return true;
			case 'reset':
				res.socket?.destroy();
				return true;
			case 'code':
				sendJson(res, { code: action.code, msg: action.msg ?? new VendorFault(action.code).msg });
				return true;
			case 'stringCode':
				sendJson(res, { code: String(action.code), msg: new VendorFault(action.code).msg });
				return true;
			case 'http':
				sendText(res, action.body ?? 'Internal Server Error', action.status, 'text/plain');
				return true;
			case 'html':
				sendText(res, '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>', 200, 'text/html');
				return true;
			case 'empty':
				sendText(res, '', 200, 'application/json');
				return true;
			case 'garbage':
				sendText(res, '\u0000\u00ff garbage %%% not json', 200, 'application/json');
				return true;
			case 'redirect':
				res.writeHead(action.status, { location: action.location, 'content-type': 'text/html' });
				res.end(`<html><body>Moved to ${action.location}</body></html>`);
				return true;
			case 'truncated':
				sendText(res, '{"code":0,"msg":"请求处理成功","data":{"list":[{"sn":"acc', 200, 'application/json');
				return true;
		}
	}

	private record(request: ParsedRequest, answer: unknown): void {
		this.log.push({
			at: this.clock.chinaText(),
			method: request.method,
			path: request.path,
			contentType: request.contentType,
			params: Object.fromEntries(request.params.map(([key, value]) => [key, shorten(value)])),
			paramOrder: request.params.map(([key]) => key),
			files: request.files.map((file) => ({ field: file.field, fileName: file.fileName, size: file.data.length })),
			answer,
		});
	}
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Huge import payloads would make the log the biggest thing in memory; keep their size and head only. */
function shorten(value: unknown): unknown {
	if (typeof value === 'string' && value.length > 65536) return `${value.slice(0, 1024)}…(${value.length} chars)`;
	return value;
}

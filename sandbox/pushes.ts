import { buildCallRecord } from './callRecords';
import { md5 } from './php';
import type { Sandbox } from './server';
import type { CallRecord, Task } from './state';
import { PUSH_ACK, PUSH_RETRIES } from './vendor';

/** Pushes to the tenant's callback URLs: call results (6.6.1) and finished async imports (5.7.15). */
export interface Pushes {
	callEnded(record: CallRecord): void;
	importFinished(taskSn: string): void;
	/** Delivers a call result now (no hang-up delay); resolves with this push's attempts. */
	pushCallResult(record: CallRecord, options?: { duplicate?: boolean }): Promise<PushDelivery[]>;
	/** Delivers an import result now; resolves with this push's attempts. */
	pushImportFinished(taskSn: string, importMark?: unknown): Promise<PushDelivery[]>;
	/** Resolves when no push is waiting or in flight. */
	idle(): Promise<void>;
	readonly deliveries: PushDelivery[];
	stop(): void;
}

export type PushKind = 'callResult' | 'importFinished';

/** One HTTP attempt, as the control API and the tests see it. */
export interface PushDelivery {
	kind: PushKind;
	/** record sn, or the task sn of an import push */
	key: string;
	url: string;
	attempt: number;
	/** the deliberate second copy of a push */
	duplicate: boolean;
	status: number | null;
	answer: string;
	acknowledged: boolean;
	/** why nothing was sent (non-loopback URL, network error) */
	error?: string;
	at: string;
}

export interface PushConfig {
	/** retries after a first attempt that was not answered with exactly PUSH_ACK */
	retries: number;
	retryDelayMs: number;
	/** every n-th call-result push is sent twice, as the vendor sometimes does (0 = never) */
	duplicateEvery: number;
	timeoutMs: number;
}

export const DEFAULT_PUSH_CONFIG: PushConfig = { retries: PUSH_RETRIES, retryDelayMs: 50, duplicateEvery: 10, timeoutMs: 5000 };

/** Push settings outlive `reset()` (which restarts the services); tests change them with /__control/pushes. */
const configs = new WeakMap<Sandbox, PushConfig>();
const running = new WeakMap<Sandbox, Pushes>();

export function pushConfig(sandbox: Sandbox): PushConfig {
	let config = configs.get(sandbox);
	if (!config) {
		config = { ...DEFAULT_PUSH_CONFIG };
		configs.set(sandbox, config);
	}
	return config;
}

/** The push service of a started sandbox (undefined before `start()`). */
export function pushesOf(sandbox: Sandbox): Pushes | undefined {
	return running.get(sandbox);
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** The sandbox only ever calls this machine: a test URL must never leak demo records to the internet. */
export function isLoopbackUrl(url: string): boolean {
	try {
		const parsed = new URL(url);
		return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && LOOPBACK_HOSTS.has(parsed.hostname);
	} catch {
		return false;
	}
}

/** One POST of a push body as JSON; the answer text is returned as received. */
export async function postPush(url: string, body: unknown, timeoutMs = DEFAULT_PUSH_CONFIG.timeoutMs): Promise<{ status: number; answer: string }> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(timeoutMs),
	});
	return { status: response.status, answer: await response.text() };
}

/** Timers of pushes waiting for their delay and promises of pushes in flight, so `idle()` and `stop()` can see them. */
class Flights {
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly inFlight = new Set<Promise<unknown>>();
	stopped = false;

	track<T>(promise: Promise<T>): Promise<T> {
		this.inFlight.add(promise);
		void promise.finally(() => this.inFlight.delete(promise)).catch(() => undefined);
		return promise;
	}

	later(delayMs: number, run: () => Promise<unknown>): void {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			if (!this.stopped) void this.track(run());
		}, delayMs);
		timer.unref?.();
		this.timers.add(timer);
	}

	async idle(): Promise<void> {
		while (this.timers.size > 0 || this.inFlight.size > 0) {
			await Promise.allSettled([...this.inFlight]);
			if (this.timers.size > 0) await sleep(10);
		}
	}

	stop(): void {
		this.stopped = true;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
	}
}

interface PushService {
	sandbox: Sandbox;
	config: PushConfig;
	deliveries: PushDelivery[];
	flights: Flights;
	callResults: number;
}

/** One push: the first attempt and the platform's retries until one is answered with PUSH_ACK. */
async function deliver(service: PushService, kind: PushKind, key: string, url: string, body: unknown, duplicate: boolean): Promise<PushDelivery[]> {
	const { config, deliveries, flights, sandbox } = service;
	const attempts: PushDelivery[] = [];
	const loopback = isLoopbackUrl(url);
	for (let attempt = 1; attempt <= 1 + config.retries && !flights.stopped; attempt++) {
		const entry: PushDelivery = { kind, key, url, attempt, duplicate, status: null, answer: '', acknowledged: false, at: sandbox.clock.chinaText() };
		if (loopback) await sendAttempt(entry, url, body, config.timeoutMs);
		else entry.error = 'not a loopback URL: the sandbox pushes only to this machine';
		deliveries.push(entry);
		attempts.push(entry);
		if (entry.acknowledged || !loopback) break;
		if (attempt <= config.retries) await sleep(config.retryDelayMs);
	}
	return attempts;
}

/** One HTTP attempt: its answer, or the network error, goes into the delivery entry. */
async function sendAttempt(entry: PushDelivery, url: string, body: unknown, timeoutMs: number): Promise<void> {
	try {
		const { status, answer } = await postPush(url, body, timeoutMs);
		Object.assign(entry, { status, answer, acknowledged: answer === PUSH_ACK });
	} catch (error) {
		entry.error = (error as Error).message;
	}
}

async function pushCallResult(service: PushService, record: CallRecord, options: { duplicate?: boolean } = {}): Promise<PushDelivery[]> {
	const settings = service.sandbox.data.callback;
	if (settings.open_callback !== 1 || !settings.callback_url) return [];
	service.callResults += 1;
	const { duplicateEvery } = service.config;
	const twice = options.duplicate ?? (duplicateEvery > 0 && service.callResults % duplicateEvery === 0);
	const url = settings.callback_url;
	const body = pushedFields(record, service.sandbox.shapes.pushFields);
	const first = await deliver(service, 'callResult', record.sn, url, body, false);
	return twice ? [...first, ...(await deliver(service, 'callResult', record.sn, url, body, true))] : first;
}

/** Fields of the record no public 6.6.1 sample shows: the hang-up reason and the task's fields. */
const FIELDS_NOT_IN_SAMPLES = ['hangup_reason', 'dial_task_main_sn', 'source'];

/** The pushed record: all of it ('full'), or without what the public samples never show ('minimal'). */
function pushedFields(record: CallRecord, reading: 'minimal' | 'full'): Record<string, unknown> {
	if (reading === 'full') return record;
	return Object.fromEntries(Object.entries(record).filter(([key]) => !FIELDS_NOT_IN_SAMPLES.includes(key)));
}

async function pushImportFinished(service: PushService, taskSn: string, importMark?: unknown): Promise<PushDelivery[]> {
	const data = service.sandbox.data;
	const url = data.callback.task_callback_url;
	if (!url) return [];
	const task = data.tasks.find((entry) => entry.dial_task_main_sn === taskSn);
	const body = { dial_task_main_sn: taskSn, import_mark: importMark ?? task?.importMark ?? {} };
	return await deliver(service, 'importFinished', taskSn, url, body, false);
}

export function startPushes(sandbox: Sandbox): Pushes {
	const service: PushService = { sandbox, config: pushConfig(sandbox), deliveries: [], flights: new Flights(), callResults: 0 };
	const { flights } = service;
	const pushes: Pushes = {
		callEnded: (record) => flights.later(sandbox.speed.pushDelayMs, () => pushCallResult(service, record)),
		importFinished: (taskSn) => flights.later(sandbox.speed.pushDelayMs, () => pushImportFinished(service, taskSn)),
		pushCallResult: (record, options) => flights.track(pushCallResult(service, record, options)),
		pushImportFinished: (taskSn, importMark) => flights.track(pushImportFinished(service, taskSn, importMark)),
		idle: async () => await flights.idle(),
		deliveries: service.deliveries,
		stop: () => flights.stop(),
	};
	running.set(sandbox, pushes);
	return pushes;
}

/**
 * A call record as the dialler would produce it, for pushes on demand (tests, the benchmark). The
 * phone's last digit decides the outcome (see callOutcome: 0–5 answered with intent A–F, 6–9 not).
 */
export function sampleCallRecord(sandbox: Sandbox, overrides: Partial<CallRecord> = {}): CallRecord {
	const data = sandbox.data;
	const taskSn = String(overrides.dial_task_main_sn ?? data.tasks[0]?.dial_task_main_sn ?? `dial_task_main_sn|${md5('push-test-task')}`);
	const task = data.tasks.find((entry) => entry.dial_task_main_sn === taskSn) ?? syntheticTask(sandbox, taskSn);
	const phone = String(overrides.phone ?? `1380013${String(data.sequence % 10000).padStart(4, '0')}`);
	const record = buildCallRecord(data, sandbox.clock, task, { phone, name: String(overrides.name ?? '测试客户') }, sandbox.clock.now());
	return { ...record, ...overrides } as CallRecord;
}

function syntheticTask(sandbox: Sandbox, taskSn: string): Task {
	const data = sandbox.data;
	return {
		dial_task_main_sn: taskSn,
		source: '推送测试',
		project_sn: data.scripts[0]?.sn ?? '',
		ai_user_sn: data.subAccounts[0]?.user_sn ?? data.account.userSn,
	} as Task;
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The control API of the pushes: `GET /__control/pushes` (delivery log + config), `POST /__control/pushes`
 * (change the config), `DELETE /__control/pushes` (clear the log), `POST /__control/push` (push now:
 * `{ record?, duplicate? }` for a call result — a generated record when none is given — or
 * `{ kind: 'importFinished', taskSn, importMark? }`; answers after the delivery finished).
 */
export async function pushControl(sandbox: Sandbox, call: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
	const pushes = pushesOf(sandbox);
	if (!pushes) return { ok: false, error: 'the sandbox is not started' };
	switch (call) {
		case 'GET pushes':
			return { ok: true, config: pushConfig(sandbox), deliveries: pushes.deliveries };
		case 'POST pushes':
			Object.assign(pushConfig(sandbox), body);
			return { ok: true, config: pushConfig(sandbox) };
		case 'DELETE pushes':
			pushes.deliveries.length = 0;
			return { ok: true };
		default: {
			if (body.kind === 'importFinished') {
				const taskSn = String(body.taskSn ?? sandbox.data.tasks[0]?.dial_task_main_sn ?? '');
				return { ok: true, deliveries: await pushes.pushImportFinished(taskSn, body.importMark) };
			}
			const given = body.record as Partial<CallRecord> | undefined;
			const record = given?.sn ? (given as CallRecord) : sampleCallRecord(sandbox, given ?? {});
			const duplicate = typeof body.duplicate === 'boolean' ? body.duplicate : undefined;
			return { ok: true, record, deliveries: await pushes.pushCallResult(record, { duplicate }) };
		}
	}
}

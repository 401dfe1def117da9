/**
 * Secrets never leave: every operation of the node (defaults, successes, vendor errors, transport
 * faults, failed logins, bad input, stopped workflows) is run, and every output item (json, error
 * message, description, the whole stringified error) and every line logged meanwhile (console,
 * process stdout/stderr, n8n's LoggerProxy and Logger) is scanned for the password, the access secret,
 * every api_key the sandbox issued and the sub-account passwords typed into the node. Counted as secret_leaks.
 */
import { restoreLogLevel } from './support/verboseLogs';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { LoggerProxy } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { RESOURCES } from '../../nodes/Yunke/v1/actions/resources';
import type { Sandbox } from '../../sandbox/server';
import type { InputItem, NodeRunResult } from '../harness/engine';
import { createParameters, people } from '../helpers/imports';
import { DEMO_LOGIN, RawClient, passwordCredential } from '../helpers/sandbox';
import { yunkeTestBed, type RunOptions, type YunkeTestBed } from '../helpers/yunke';
import { BAD_INPUTS } from './support/badInputCases';
import { SCENARIOS } from './support/scenarios';
import { count } from './support/reliabilityTally';

const PASSWORD = 'Zq7-Pa55word-LeakCanary';
const ACCESS_SECRET = '5ecre7a11ce5ecre7a11ce5ecre7a11c';
const SEAT_PASSWORD = 'Seat-Pa55word';
const TRIGGER_TOKEN = '7r1663r70ken0f7he9unke7r1663r0aa';

const logLines: string[] = [];
const restorers: Array<() => void> = [];
const outputs: unknown[] = [];

function capture(target: Record<string, unknown>, method: string, label: string): void {
	const original = target[method] as (...args: unknown[]) => unknown;
	target[method] = (...args: unknown[]) => {
		logLines.push(`${label}.${method} ${safeStringify(args)}`);
		return label === 'process' ? true : undefined;
	};
	restorers.push(() => (target[method] = original));
}

beforeAll(() => {
	for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace']) capture(console as never, method, 'console');
	capture(process.stdout as never, 'write', 'process');
	capture(process.stderr as never, 'write', 'process');
	// n8n's Logger (debug level, see support/verboseLogs): every line, scoped children included, ends in write()
	const winston = (Container.get(Logger) as unknown as { internalLogger: Record<string, unknown> }).internalLogger;
	capture(winston, 'write', 'logger');
	const record = (level: string) => (message: string, meta?: object) => void logLines.push(`LoggerProxy.${level} ${message} ${safeStringify(meta)}`);
	LoggerProxy.init({ error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') } as never);
});

afterAll(() => {
	for (const restore of restorers.reverse()) restore();
	restoreLogLevel();
});

/** Everything an error object holds, own properties and cause chain included; cycles cut. */
function safeStringify(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, (_key, entry: unknown) => {
		if (typeof entry === 'bigint') return String(entry);
		if (entry && typeof entry === 'object') {
			if (seen.has(entry)) return '[cycle]';
			seen.add(entry);
			if (entry instanceof Error) {
				const own = Object.fromEntries(Object.getOwnPropertyNames(entry).map((name) => [name, (entry as unknown as Record<string, unknown>)[name]]));
				return { ...own, message: entry.message, stack: entry.stack };
			}
		}
		return entry;
	});
}

function tenant(sandbox: Sandbox): void {
	sandbox.data.account.password = PASSWORD;
	sandbox.data.account.accessSecret = ACCESS_SECRET;
}

async function run(bed: YunkeTestBed, parameters: INodeParameters, items?: InputItem[], options: RunOptions = { onError: 'continueErrorOutput' }): Promise<NodeRunResult> {
	const result = await bed.run(parameters, items, options);
	outputs.push({ outputs: result.outputs, nodeError: result.nodeError, error: result.error, status: result.status });
	return result;
}

/**
 * Every resource and operation the node has now: required text fields and locators mapped from the
 * item (`v`: a phone-like value on item 0, empty on item 1), the node's defaults for everything else.
 */
const EVERY_OPERATION = Object.entries(RESOURCES).flatMap(([resource, definition]) =>
	Object.entries(definition?.operations ?? {}).map(([operation, implementation]) => {
		const parameters: INodeParameters = { resource, operation };
		for (const property of implementation.description) {
			if (!property.required || parameters[property.name] !== undefined) continue;
			if (property.type === 'resourceLocator') parameters[property.name] = { __rl: true, mode: 'id', value: '={{ $json.v }}' };
			else if (property.type === 'string' || property.type === 'json') parameters[property.name] = '={{ $json.v }}';
			else if (property.type === 'options' && property.default === '') parameters[property.name] = '={{ $json.v }}';
			else if (property.type === 'multiOptions') parameters[property.name] = '={{ [$json.v] }}';
		}
		return parameters;
	}),
);
const MAPPED_ITEMS = [{ v: '13800138000' }, { v: '' }];

let passwordBed: YunkeTestBed;
let accessBed: YunkeTestBed;
beforeAll(async () => {
	passwordBed = await yunkeTestBed({ password: PASSWORD, timeoutSeconds: 1 });
	accessBed = await yunkeTestBed({ authentication: 'accessId', accessId: DEMO_LOGIN.accessId, accessSecret: ACCESS_SECRET, timeoutSeconds: 1 });
});
afterAll(async () => {
	await passwordBed.close();
	await accessBed.close();
});

function fresh(bed: YunkeTestBed): void {
	bed.sandbox.reset();
	tenant(bed.sandbox);
}

describe('secrets never reach outputs, errors or logs', () => {
	it.each(EVERY_OPERATION.map((entry) => [`${String(entry.resource)} → ${String(entry.operation)}`, entry] as const))(
		'%s: defaults, vendor error, transport fault, stopped workflow, by both logins',
		async (_label, entry) => {
			for (const bed of [passwordBed, accessBed]) {
				fresh(bed);
				bed.coldCredential();
				await run(bed, entry, MAPPED_ITEMS);
				bed.sandbox.injectFault({ path: '*', count: 2, action: { type: 'code', code: 500 } });
				await run(bed, entry, MAPPED_ITEMS);
				bed.sandbox.injectFault({ path: '*', count: 2, action: { type: 'html' } });
				await run(bed, entry, MAPPED_ITEMS);
				bed.sandbox.faults.clear();
				bed.sandbox.auth.invalidate();
				await run(bed, entry, MAPPED_ITEMS, {});
			}
		},
	);

	it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))('%s: success, re-login and a lost answer', async (_label, scenario) => {
		const bed = passwordBed;
		fresh(bed);
		bed.coldCredential();
		scenario.prepare?.(bed);
		const items = scenario.items?.(bed);
		const ok = await run(bed, scenario.params, items);
		expect(ok.status).toBe('success');
		fresh(bed);
		scenario.prepare?.(bed);
		const other = new RawClient(passwordCredential(bed.sandbox, { password: PASSWORD }));
		await other.login();
		bed.sandbox.injectFault({ path: scenario.path, phase: 'after', action: { type: 'reset' } });
		await run(bed, scenario.params, scenario.items?.(bed));
	});

	it('an import in chunks, with a lost answer', async () => {
		fresh(passwordBed);
		passwordBed.sandbox.injectFault({ path: '/api/addJson', skip: 1, phase: 'after', action: { type: 'truncated' } });
		const result = await run(passwordBed, createParameters(passwordBed.sandbox, { options: { chunkSize: 5 } }), people(12));
		expect(result.status).toBe('success');
	});

	it.each(BAD_INPUTS.map((entry) => [entry.name, entry] as const))('bad input: %s', async (_label, entry) => {
		const bed = entry.credential ? await yunkeTestBed(entry.credential) : passwordBed;
		try {
			fresh(bed);
			if (!entry.credential) bed.coldCredential();
			await run(bed, entry.params(bed.sandbox), entry.items);
			await run(bed, entry.params(bed.sandbox), entry.items, {});
		} finally {
			if (bed !== passwordBed) await bed.close();
		}
	});

	it('Callback → Set with a Yunke Trigger token in its URLs: success, vendor error, transport fault, bad input, stopped workflow', async () => {
		const url = `https://n8n.example.com/webhook/r/yunke?token=${TRIGGER_TOKEN}`;
		const parameters = { resource: 'callback', operation: 'set', pushCallResults: true, callbackUrl: '={{ $json.url }}', options: { taskCallbackUrl: '={{ $json.importUrl }}' } };
		const items = [{ url, importUrl: url }, { url: `mailto:someone?token=${TRIGGER_TOKEN}`, importUrl: url }];
		fresh(passwordBed);
		await run(passwordBed, parameters, items);
		for (const action of [{ type: 'code', code: 500 }, { type: 'html' }, { type: 'reset' }]) {
			passwordBed.sandbox.injectFault({ path: '/api/setCallback', count: 4, action: action as never });
			await run(passwordBed, parameters, items);
			await run(passwordBed, parameters, items, {});
		}
	});

	it('finds none of them anywhere (scanned last)', () => {
		const keys = new Set<string>();
		for (const bed of [passwordBed, accessBed]) {
			const stored = bed.storedSession().apiKey;
			if (stored) keys.add(String(stored));
		}
		for (const key of ISSUED_KEYS) keys.add(key);
		const secrets = [PASSWORD, ACCESS_SECRET, SEAT_PASSWORD, TRIGGER_TOKEN, ...BAD_INPUTS.flatMap((entry) => [entry.credential?.password, entry.credential?.accessSecret]), ...keys]
			.filter((secret): secret is string => typeof secret === 'string' && secret.length >= 8);
		expect(keys.size).toBeGreaterThan(10);
		const haystacks = [...outputs.map(safeStringify), ...logLines];
		const leaks: string[] = [];
		for (const secret of secrets) {
			const hits = haystacks.filter((text) => text.includes(secret)).length;
			if (hits > 0) leaks.push(`${secret.slice(0, 3)}… in ${hits} place(s)`);
			count('secret_leaks', hits, hits ? `${secret.slice(0, 3)}…` : undefined);
		}
		expect(leaks).toEqual([]);
		expect(outputs.length).toBeGreaterThan(EVERY_OPERATION.length * 8);
		// the scan sees what it should: n8n's own log lines, and error objects down to their vendor details
		expect(logLines.filter((line) => line.startsWith('logger.write')).length).toBeGreaterThan(100);
		expect(haystacks.some((text) => text.includes('Vendor message:') && text.includes('"stack"'))).toBe(true);
	});
});

/** Every api_key the sandboxes handed out, read from their login answers after each run. */
const ISSUED_KEYS = new Set<string>();
afterEach(() => {
	for (const bed of [passwordBed, accessBed]) {
		for (const entry of bed?.sandbox.requestsTo('/api/login') ?? []) {
			const key = (entry.answer as { data?: { api_key?: string } })?.data?.api_key;
			if (key) ISSUED_KEYS.add(key);
		}
	}
});

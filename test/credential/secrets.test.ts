import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { LoggerProxy } from 'n8n-workflow';

import { DEMO_LOGIN } from '../helpers/sandbox';
import { yunkeTestBed, type YunkeTestBed } from '../helpers/yunke';

const LIST_SCRIPTS = { resource: 'script', operation: 'getMany', returnAll: true };

/** Everything a user or an operator could see: items, error texts, the error objects, captured log lines. */
function visibleText(results: unknown[], logLines: string[]): string {
	return JSON.stringify(results, (_key, value) => {
		if (value instanceof Error) {
			return { ...value, message: value.message, description: (value as { description?: string }).description, stack: value.stack };
		}
		return value as unknown;
	}) + logLines.join('\n');
}

describe('secrets never reach outputs, errors or logs', () => {
	const logLines: string[] = [];
	const spies: jest.SpyInstance[] = [];
	let bed: YunkeTestBed;

	beforeAll(async () => {
		bed = await yunkeTestBed();
		for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			spies.push(jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void logLines.push(args.map(String).join(' '))));
		}
		const record = (level: string) => (message: string, meta?: object) => void logLines.push(`${level} ${message} ${JSON.stringify(meta ?? {})}`);
		LoggerProxy.init({ error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') } as never);
	});

	afterAll(async () => {
		for (const spy of spies) spy.mockRestore();
		LoggerProxy.init(Container.get(Logger)); // the harness's logger again, for the next file of the folder
		await bed.close();
	});

	it('across logins, re-logins, vendor errors, transport faults and login failures', async () => {
		const results: unknown[] = [];
		results.push(await bed.run(LIST_SCRIPTS, [{}, {}]));
		const apiKeys = [String(bed.storedSession().apiKey)];
		bed.sandbox.auth.invalidate();
		results.push(await bed.run(LIST_SCRIPTS));
		apiKeys.push(String(bed.storedSession().apiKey));
		for (const action of [{ type: 'code', code: 20007 }, { type: 'html' }, { type: 'truncated' }, { type: 'http', status: 500 }]) {
			bed.sandbox.injectFault({ path: '/api/templatelist', count: 4, action: action as never });
			results.push(await bed.run(LIST_SCRIPTS, [{}], { onError: 'continueErrorOutput' }));
			results.push(await bed.run(LIST_SCRIPTS, [{}]));
		}
		const wrongPassword = await yunkeTestBed({ password: 'Wrong-Pa55-Zq81' });
		results.push(await wrongPassword.run(LIST_SCRIPTS, [{}], { onError: 'continueErrorOutput' }));
		results.push(await wrongPassword.run(LIST_SCRIPTS, [{}]));
		await wrongPassword.close();
		const wrongSecret = await yunkeTestBed({ authentication: 'accessId', accessId: DEMO_LOGIN.accessId, accessSecret: 'Secret-Nq73-Xx' });
		results.push(await wrongSecret.run(LIST_SCRIPTS, [{}], { onError: 'continueErrorOutput' }));
		await wrongSecret.close();

		const text = visibleText(results.map((result) => (result as { outputs: unknown; nodeError?: unknown }).outputs), logLines)
			+ visibleText(results.map((result) => (result as { nodeError?: unknown }).nodeError ?? null), []);
		expect(text).toContain('Yunke login failed');
		for (const secret of [DEMO_LOGIN.password, 'Wrong-Pa55-Zq81', DEMO_LOGIN.accessSecret, 'Secret-Nq73-Xx', ...apiKeys]) {
			expect(secret.length).toBeGreaterThanOrEqual(8);
			expect(text).not.toContain(secret);
		}
	});

	it('Callback → Set with a Yunke Trigger token in its URLs: success, vendor error, transport faults and bad input', async () => {
		const token = 'c0ffee00deadbeef0123456789abcdef';
		const url = `https://n8n.example.com/webhook/s/yunke?token=${token}`;
		const callbackSet = { resource: 'callback', operation: 'set', pushCallResults: true, callbackUrl: '={{ $json.url }}', options: { taskCallbackUrl: '={{ $json.importUrl }}' } };
		const items = [{ url, importUrl: url }, { url: `ftp://n8n.example.com/yunke?token=${token}`, importUrl: url }];
		const results: unknown[] = [];
		results.push(await bed.run(callbackSet, items, { onError: 'continueErrorOutput' }));
		for (const action of [{ type: 'code', code: 10001 }, { type: 'html' }, { type: 'http', status: 500 }]) {
			bed.sandbox.injectFault({ path: '/api/setCallback', count: 4, action: action as never });
			results.push(await bed.run(callbackSet, items, { onError: 'continueErrorOutput' }));
			results.push(await bed.run(callbackSet, items));
		}
		const text = visibleText(results.map((result) => (result as { outputs: unknown }).outputs), logLines)
			+ visibleText(results.map((result) => (result as { nodeError?: unknown }).nodeError ?? null), []);
		expect(text).toContain('token=***');
		expect(bed.sandbox.requestsTo('/api/setCallback').some((entry) => entry.params.callback_url === url)).toBe(true);
		expect(text).not.toContain(token);
	});
});

import { READINGS, STRICT_SHAPES } from '../../sandbox/readings';
import { readingsFromArgs } from '../../sandbox/readingChoice';
import { Sandbox } from '../../sandbox/server';
import { startSandbox } from '../helpers/sandbox';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox({ shapes: { clientInfoJson: 'string' } })));
afterAll(async () => await sandbox.stop());
beforeEach(() => sandbox.reset());

async function control(method: 'GET' | 'POST', action: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
	const response = await fetch(`${sandbox.url}/__control/${action}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('sandbox readings', () => {
	it('every reading names its vendor section, and its default is one of its alternatives', () => {
		for (const [name, definition] of Object.entries(READINGS)) {
			expect({ name, section: definition.vendorSection }).toEqual({ name, section: expect.stringMatching(/^\d+(\.\d+)*/) });
			expect(Object.keys(definition.alternatives)).toContain(definition.default);
			expect(Object.keys(definition.alternatives).length).toBeGreaterThanOrEqual(2);
			expect(STRICT_SHAPES[name as keyof typeof STRICT_SHAPES]).toBe(definition.default);
		}
	});

	it('GET /__control/config answers the readings in force and the ones the sandbox was started with', async () => {
		const { status, body } = await control('GET', 'config');
		expect(status).toBe(200);
		expect(body.shapes).toEqual({ ...STRICT_SHAPES, clientInfoJson: 'string' });
		expect(body.startShapes).toEqual({ ...STRICT_SHAPES, clientInfoJson: 'string' });
	});

	it('POST /__control/config refuses an unknown reading name with HTTP 400, and changes nothing', async () => {
		const { status, body } = await control('POST', 'config', { shapes: { clientInfoJsn: 'object' }, speed: { callMs: 1 } });
		expect(status).toBe(400);
		expect(body).toEqual({ ok: false, error: 'unknown reading "clientInfoJsn": the readings are ' + Object.keys(READINGS).join(', ') });
		expect(sandbox.shapes.clientInfoJson).toBe('string');
		expect(sandbox.speed.callMs).not.toBe(1);
	});

	it('POST /__control/config refuses an unknown value and an unknown setting with HTTP 400', async () => {
		const value = await control('POST', 'config', { shapes: { clientInfoJson: 'json' } });
		expect(value).toEqual({ status: 400, body: { ok: false, error: 'reading clientInfoJson has no value "json": use one of object, string' } });
		const key = await control('POST', 'config', { shape: { clientInfoJson: 'object' } });
		expect(key).toEqual({ status: 400, body: { ok: false, error: 'unknown config key shape: use auth, speed, shapes, account' } });
		expect(sandbox.shapes.clientInfoJson).toBe('string');
	});

	it('POST /__control/reset restores the readings the sandbox was started with', async () => {
		const changed = await control('POST', 'config', { shapes: { clientInfoJson: 'object' } });
		expect(changed.status).toBe(200);
		expect(sandbox.shapes.clientInfoJson).toBe('object');
		await control('POST', 'reset');
		expect(sandbox.shapes.clientInfoJson).toBe('string');
		expect((await control('GET', 'config')).body.shapes).toEqual({ ...STRICT_SHAPES, clientInfoJson: 'string' });
	});

	it('new Sandbox({ shapes }) refuses an unknown reading or value', () => {
		expect(() => new Sandbox({ shapes: { clientInfoJson: 'json' } as never })).toThrow('reading clientInfoJson has no value "json": use one of object, string');
		expect(() => new Sandbox({ shapes: { strictDates: 'on' } as never })).toThrow('unknown reading "strictDates"');
	});

	it('npm run sandbox takes --reading name=value, repeatable, and refuses anything else', () => {
		expect(readingsFromArgs(['--reading', 'clientInfoJson=string'])).toEqual({ clientInfoJson: 'string' });
		expect(readingsFromArgs(['--reading=clientInfoJson=object', '--reading', 'clientInfoJson=string'])).toEqual({ clientInfoJson: 'string' });
		expect(() => readingsFromArgs(['--reading', 'clientInfoJson'])).toThrow('--reading takes name=value, not "clientInfoJson"');
		expect(() => readingsFromArgs(['--port', '1'])).toThrow('unknown argument "--port"');
		expect(() => readingsFromArgs(['--reading', 'nope=1'])).toThrow('unknown reading "nope"');
	});
});

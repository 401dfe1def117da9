/**
 * The Yunke Trigger node's own methods with n8n's real item helper (returnJsonArray from n8n-core)
 * and a request/response like n8n's: items, warnings in n8n's logger, unknown body sizes, tokens.
 */
import type { IExecuteFunctions, IHookFunctions } from 'n8n-workflow';

import { forgetTrigger } from '../../nodes/YunkeTrigger/dedupe';
import { YunkeTrigger } from '../../nodes/YunkeTrigger/YunkeTrigger.node';
import { ProcessedDataTable } from '../helpers/processedData';
import { jsonBody, TRIGGER_NODE, TRIGGER_TOKEN, triggerWebhook } from '../helpers/triggerWebhook';

const TOKEN = TRIGGER_TOKEN;
const TASK = 'dial_task_main_sn|1427a04cae36a5b7161c0b04b9206fa4';
const NODE = TRIGGER_NODE;
const webhook = triggerWebhook;
const json = jsonBody;

afterEach(() => forgetTrigger('wf-node-test/node-1'));

describe('fields named like n8n item keys', () => {
	const push = {
		sn: 'account|0000000000000000000000000000beef',
		dial_task_main_sn: TASK,
		json: { note: 'a vendor field named json' },
		binary: { data: { id: 'filesystem-v2:workflows/1/executions/1/binary_data/x', mimeType: 'audio/wav' } },
		pairedItem: { item: 7 },
	};

	it('emits such a push as data, unchanged, in one item, through the webhook and the execution', async () => {
		const { items } = await webhook(json(push));
		expect(items).toHaveLength(1);
		expect(Object.keys(items[0]).filter((key) => key !== 'yunkeReceivedBy')).toEqual(['json']);
		expect(items[0].json).toMatchObject(push);
		const execution = {
			getMode: () => 'webhook',
			getExecutionId: () => '1',
			getNode: () => NODE,
			getInputData: () => items,
			getNodeParameter: () => ({}),
			logger: { warn: () => undefined },
			helpers: new ProcessedDataTable().helpersFor('wf-node-test', NODE.id),
		} as unknown as IExecuteFunctions;
		const [output] = await new YunkeTrigger().execute.call(execution);
		expect(output).toEqual([{ json: items[0].json, pairedItem: { item: 0 } }]);
	});
});

describe('rejected pushes', () => {
	it('logs every 400, 403 and 413 as a warning in n8n\'s logger, without the token', async () => {
		const rejected = [
			await webhook({ ...json({ sn: 'account|1' }), query: { token: 'guess-guess-guess-guess' } }),
			await webhook(json({ hello: 'world' })),
			await webhook(json({ sn: 'account|2', remark: 'x'.repeat(600 * 1024) })),
		];
		expect(rejected.map(({ answer }) => answer.status)).toEqual([403, 400, 413]);
		const warnings = rejected.flatMap(({ warnings: logged }) => logged);
		expect(warnings).toEqual([
			'Yunke Trigger "Yunke Trigger": answered HTTP 403 to a push from 203.0.113.9: Forbidden: the push URL lacks the secret token of this Yunke Trigger',
			'Yunke Trigger "Yunke Trigger": answered HTTP 400 to a push from 203.0.113.9: Bad Request: The body is neither a call result (no "sn") nor an import result (no "dial_task_main_sn" with "import_mark")',
			'Yunke Trigger "Yunke Trigger": answered HTTP 413 to a push from 203.0.113.9: Payload Too Large: pushes may have at most 524288 bytes',
		]);
		expect(warnings.join('\n')).not.toContain(TOKEN);
	});

	it('answers 400, not 500, to an sn that is not a text or is oversized', async () => {
		for (const sn of [12345, { nested: true }, ['account|1'], `account|${'a'.repeat(300)}`]) {
			const { answer, items } = await webhook(json({ sn, phone: '1' }));
			expect({ status: answer.status, text: answer.text, items }).toEqual({ status: 400, text: 'Bad Request: The "sn" field must be a text of at most 200 characters', items: [] });
		}
	});

	it('measures a chunked multipart body (no raw body, no Content-Length) and refuses it when too large', async () => {
		const fields = { data: { sn: 'account|3', remark: 'x'.repeat(600 * 1024) }, files: {} };
		expect((await webhook({ body: fields })).answer.status).toBe(413);
		const withFile = { data: { sn: 'account|4' }, files: { recording: { size: 700 * 1024, filepath: '/tmp/upload' } } };
		expect((await webhook({ body: withFile })).answer.status).toBe(413);
		const small = await webhook({ body: { data: JSON.stringify({ sn: 'account|5' }) } });
		expect(small.items.map((item) => item.json.sn)).toEqual(['account|5']);
	});
});

describe('Task filter', () => {
	it('passes on a call result that names no task, marked taskUnknown', async () => {
		const filters = { task: { __rl: true, mode: 'id', value: TASK } };
		const { items } = await webhook({ ...json({ sn: 'account|6', talktimes: 3 }), parameters: { filters } });
		expect(items.map((item) => [item.json.sn, item.json.taskUnknown])).toEqual([['account|6', true]]);
		const other = await webhook({ ...json({ sn: 'account|7', dial_task_main_sn: 'dial_task_main_sn|other' }), parameters: { filters } });
		expect(other.items).toEqual([]);
		const same = await webhook({ ...json({ sn: 'account|8', dial_task_main_sn: TASK }), parameters: { filters } });
		expect(same.items.map((item) => item.json.taskUnknown)).toEqual([undefined]);
	});
});

describe('manual Secret Token', () => {
	const hook = (secretToken: string) =>
		({
			getNodeParameter: (name: string, fallback?: unknown) => ({ registration: 'manual', secretToken })[name] ?? fallback,
			getNode: () => NODE,
		}) as unknown as IHookFunctions;

	it('must be at least 16 characters: activation fails with a clear error, and pushes are refused', async () => {
		await expect(new YunkeTrigger().webhookMethods.default.checkExists.call(hook('short-token-123'))).rejects.toThrow(
			'Secret Token: it must be at least 16 characters long',
		);
		await expect(new YunkeTrigger().webhookMethods.default.checkExists.call(hook('sixteen-chars-ok'))).resolves.toBe(true);
		const { answer } = await webhook({ ...json({ sn: 'account|9' }), query: { token: 'short-token-123' }, parameters: { secretToken: 'short-token-123' } });
		expect(answer.status).toBe(403);
	});
});

describe('node version', () => {
	// n8n's webhook layer evaluates an expression for every request to a start node of version 1 (it
	// takes it for its old Webhook node): one expression isolate per push. test:queue scenario 3 counts them.
	it('is version 1.1 for new nodes and keeps version 1 for workflows saved with it (e2e trigger.test.ts runs one)', () => {
		const { version } = new YunkeTrigger().description;
		expect(version).toEqual([1, 1.1]);
	});
});

/**
 * When the Yunke Trigger answers SUCCESS (only once n8n has the push), and the options as an
 * expression can set them at run time.
 */
import { forgetTrigger } from '../../nodes/YunkeTrigger/dedupe';
import { boundedOption, DEDUPE_WINDOW_BOUNDS } from '../../nodes/YunkeTrigger/options';
import { YunkeTrigger } from '../../nodes/YunkeTrigger/YunkeTrigger.node';
import { jsonBody, TRIGGER_ID, triggerWebhook } from '../helpers/triggerWebhook';

const record = (n: number) => jsonBody({ sn: `account|answer${String(n).padStart(6, '0')}`, talktimes: 4 });

afterEach(() => forgetTrigger(TRIGGER_ID));

describe('SUCCESS only once n8n has the push', () => {
	it('leaves the answer to a push that starts an execution to n8n, which sends SUCCESS after storing and queueing it', async () => {
		const [webhook] = new YunkeTrigger().description.webhooks!;
		expect(webhook).toMatchObject({ responseMode: 'onReceived', responseData: 'SUCCESS' });
		const { result, response, items } = await triggerWebhook(record(1));
		expect(items).toHaveLength(1);
		expect(result.noWebhookResponse).toBeUndefined();
		expect(response.text).toBe(''); // nothing sent by the node itself
		expect(response.contentType).toBe('text/plain');
	});

	it('forgets a push that n8n could not queue (HTTP 500), so that Yunke\'s next delivery of it is emitted', async () => {
		const first = await triggerWebhook(record(2));
		first.response.n8nAnswers(500);
		const again = await triggerWebhook(record(2));
		expect(again.items.map((item) => item.json.sn)).toEqual([record(2).body.sn]);
		again.response.n8nAnswers(200);
		const third = await triggerWebhook(record(2));
		expect(third.items).toEqual([]);
		expect(third.answer).toEqual({ status: 200, text: 'SUCCESS' });
	});

	it('forgets a push whose connection ended before any answer (n8n stopped, or Yunke gave up)', async () => {
		const first = await triggerWebhook(record(3));
		first.response.dropped();
		expect((await triggerWebhook(record(3))).items).toHaveLength(1);
	});

	it('makes a repeat that arrives meanwhile wait for n8n\'s answer to the original: a duplicate only if n8n took the original', async () => {
		const original = await triggerWebhook(record(4));
		const repeat = triggerWebhook(record(4));
		const settledEarly = await Promise.race([repeat.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 50))]);
		expect(settledEarly).toBe(false);
		original.response.n8nAnswers(500);
		expect((await repeat).items).toHaveLength(1);

		const taken = await triggerWebhook(record(5));
		const repeatOfTaken = triggerWebhook(record(5));
		taken.response.n8nAnswers(200);
		expect(await repeatOfTaken).toMatchObject({ items: [], answer: { status: 200, text: 'SUCCESS' } });
	});
});

describe('options set by an expression', () => {
	it('fall back to their defaults for 0, NaN, a text, a fraction below the minimum or a huge number', () => {
		for (const value of [0, -5, NaN, Infinity, 'many', '', 0.5, 1e12, undefined, null]) {
			expect(boundedOption(value, DEDUPE_WINDOW_BOUNDS)).toBe(1000);
		}
		expect([1, 250, '300', 100_000, 7.9].map((value) => boundedOption(value, DEDUPE_WINDOW_BOUNDS))).toEqual([1, 250, 300, 100_000, 7]);
	});

	it('Max Body Size 0 does not refuse every push, and a huge one does not lift the limit', async () => {
		const zero = await triggerWebhook({ ...record(6), parameters: { options: { maxBodyKb: 0 } } });
		expect(zero.items).toHaveLength(1);
		const large = jsonBody({ sn: 'account|answer-large', remark: 'x'.repeat(600 * 1024) });
		const huge = await triggerWebhook({ ...large, parameters: { options: { maxBodyKb: 1e12 } } });
		expect(huge.answer).toEqual({ status: 413, text: 'Payload Too Large: pushes may have at most 524288 bytes' });
	});

	it('Duplicate Window 0 or NaN keeps the default window: a repeat is still not emitted', async () => {
		for (const [n, dedupeWindow] of [[7, 0], [8, NaN]] as const) {
			const parameters = { options: { dedupeWindow } };
			const first = await triggerWebhook({ ...record(n), parameters });
			first.response.n8nAnswers(200);
			expect((await triggerWebhook({ ...record(n), parameters })).items).toEqual([]);
		}
	});
});

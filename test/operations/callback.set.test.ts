import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';
import { expectSigned } from '../helpers/signature';

const bed = useBed();

const set = (parameters: Record<string, unknown>) => ({ resource: 'callback', operation: 'set', ...parameters });

describe('Callback → Set in a real n8n engine', () => {
	it('switches pushes on with both URLs, signed, and reports what was set', async () => {
		const result = await bed.run(
			set({ pushCallResults: true, callbackUrl: 'https://n8n.example.com/webhook/a/yunke?token=t1', options: { taskCallbackUrl: 'http://n8n.example.com/imports' } }),
		);
		expect(result.status).toBe('success');
		expect(jsonOf(result.outputs[0])).toEqual([
			{
				pushCallResults: true,
				callbackUrl: 'https://n8n.example.com/webhook/a/yunke?token=***',
				importCallbackUrl: 'http://n8n.example.com/imports',
				vendorMessage: 'SUCCESS',
			},
		]);
		expect(result.outputs[0][0].pairedItem).toEqual({ item: 0 });
		const [call] = bed.sandbox.requestsTo('/api/setCallback');
		expect(call.paramOrder).toEqual(['user_sn', 'api_key', 'open_callback', 'callback_url', 'task_callback_url', 'url']);
		expectSigned(call);
		expect(bed.sandbox.data.callback).toEqual({
			open_callback: 1,
			callback_url: 'https://n8n.example.com/webhook/a/yunke?token=t1',
			task_callback_url: 'http://n8n.example.com/imports',
		});
	});

	it('switches pushes off, clears the import URL on request and sends extra vendor fields', async () => {
		bed.sandbox.data.callback = { open_callback: 1, callback_url: 'https://a.example/x', task_callback_url: 'https://a.example/y' };
		const result = await bed.run(
			set({ pushCallResults: false, callbackUrl: 'https://a.example/x', options: { clearTaskCallbackUrl: true }, extraFields: '{"remark":"off"}' }),
		);
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ pushCallResults: false, importCallbackUrl: '' });
		expect(bed.sandbox.requestsTo('/api/setCallback')[0].params).toMatchObject({ open_callback: 0, task_callback_url: '', remark: 'off' });
		expect(bed.sandbox.data.callback).toEqual({ open_callback: 0, callback_url: 'https://a.example/x', task_callback_url: '' });
	});

	it('rejects URLs that are not http(s) per item, sends nothing and keeps pairedItem', async () => {
		const result = await bed.run(
			set({ pushCallResults: true, callbackUrl: '={{ $json.url }}' }),
			[{ url: 'ftp://files.example/x' }, { url: 'https://ok.example/hook' }, { url: '' }],
			{ onError: 'continueErrorOutput' },
		);
		expect(jsonOf(result.outputs[1])).toEqual([
			{ error: 'Callback URL: "ftp://files.example/x" is not an http:// or https:// URL [item 0]' },
			{ error: 'Callback URL: is empty [item 2]' },
		]);
		expect(result.outputs[1].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(jsonOf(result.outputs[0])).toMatchObject([{ callbackUrl: 'https://ok.example/hook' }]);
		expect(result.outputs[0][0].pairedItem).toEqual({ item: 1 });
		expect(bed.sandbox.requestsTo('/api/setCallback').map((entry) => entry.params.callback_url)).toEqual(['https://ok.example/hook']);
	});

	it('fails the execution without continue-on-fail, before any request', async () => {
		const result = await bed.run(set({ pushCallResults: true, callbackUrl: 'https://ok.example', options: { taskCallbackUrl: 'mailto:x@y.z' } }));
		expect(result.status).toBe('error');
		expect(result.nodeError?.message).toBe('Import Callback URL: "mailto:x@y.z" is not an http:// or https:// URL [item 0]');
		expect(bed.sandbox.log).toEqual([]);
	});

	it('masks a Yunke Trigger token in the URLs it echoes and in its error messages, and sends it unmasked', async () => {
		const token = '5f0e1d2c3b4a69788796a5b4c3d2e1f0';
		const result = await bed.run(
			set({ pushCallResults: true, callbackUrl: '={{ $json.url }}', options: { taskCallbackUrl: `https://n8n.example.com/webhook/b/yunke?token=${token}&x=1` } }),
			[{ url: `https://n8n.example.com/webhook/b/yunke?token=${token}` }, { url: `n8n.example.com/webhook/b/yunke?token=${token}` }],
			{ onError: 'continueErrorOutput' },
		);
		expect(jsonOf(result.outputs[0])).toEqual([
			{
				pushCallResults: true,
				callbackUrl: 'https://n8n.example.com/webhook/b/yunke?token=***',
				importCallbackUrl: 'https://n8n.example.com/webhook/b/yunke?token=***&x=1',
				vendorMessage: 'SUCCESS',
			},
		]);
		expect(jsonOf(result.outputs[1])).toEqual([{ error: 'Callback URL: "n8n.example.com/webhook/b/yunke?token=***" is not an http:// or https:// URL [item 1]' }]);
		expect(JSON.stringify(result.outputs)).not.toContain(token);
		expect(bed.sandbox.data.callback.callback_url).toBe(`https://n8n.example.com/webhook/b/yunke?token=${token}`);
	});

	it('refuses an import URL together with switching import pushes off', async () => {
		const result = await bed.run(set({ pushCallResults: true, callbackUrl: 'https://ok.example', options: { taskCallbackUrl: 'https://ok.example/i', clearTaskCallbackUrl: true } }));
		expect(result.nodeError?.message).toBe('Import Callback URL: is set while Switch Import Pushes Off is on [item 0]');
		expect(bed.sandbox.requestsTo('/api/setCallback')).toEqual([]);
	});
});

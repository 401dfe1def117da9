/**
 * Business requests never follow a redirect: a 307 would send the api_key, the user_sn and the signed
 * body to whatever address the answer names. The user gets an error that says what to fix.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { yunkeTestBed, type YunkeTestBed } from '../helpers/yunke';

let bed: YunkeTestBed;
let elsewhere: http.Server;
let elsewhereRequests: string[];

beforeAll(async () => {
	bed = await yunkeTestBed();
	elsewhere = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString()));
		req.on('end', () => {
			elsewhereRequests.push(`${req.method} ${req.url} ${body}`);
			res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":0,"data":{"list":[]}}');
		});
	});
	await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
	await bed.close();
	await new Promise((resolve) => elsewhere.close(resolve));
});
beforeEach(() => {
	elsewhereRequests = [];
	bed.sandbox.reset();
});

const elsewhereUrl = (path: string) => `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}${path}`;

it.each([
	['a read', { resource: 'script', operation: 'getMany', returnAll: true }, '/api/templatelist'],
	['a write', { resource: 'callback', operation: 'set', pushCallResults: true, callbackUrl: 'https://crm.example.com/yunke' }, '/api/setCallback'],
])('%s answered with a 307 to another host is not followed, and the error says why', async (_label, params, path) => {
	bed.sandbox.injectFault({ path, count: 5, action: { type: 'redirect', status: 307, location: elsewhereUrl(path) } });
	const result = await bed.run(params, [{}], { onError: 'continueErrorOutput' });
	expect(elsewhereRequests).toEqual([]);
	const [failed] = result.outputs[1];
	expect(failed.json.error).toBe('The Yunke server redirected the request; the redirect was not followed (HTTP 307)');
	expect(failed.error?.description).toContain('Set the Base URL of the credential to the address of your tenant itself');
	expect(failed.pairedItem).toEqual({ item: 0 });
	expect(JSON.stringify(result.outputs)).not.toContain(String(bed.storedSession().apiKey));
});

/**
 * Clients (Node's agents, n8n's) close an idle connection after 5 s themselves. A sandbox that closed it
 * first would reset the request a client sends on it at that moment: under load (or after a test spent
 * seconds building 300,000 rows) such resets failed tests at random.
 */
import http from 'node:http';

import type { Sandbox } from '../../sandbox/server';
import { startSandbox } from '../helpers/sandbox';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox()));
afterAll(async () => await sandbox.stop());

function get(agent: http.Agent): Promise<{ reused: boolean; status: number }> {
	return new Promise((resolve, reject) => {
		const request = http.get(`${sandbox.url}/api/templatelist`, { agent }, (response) => {
			response.resume();
			response.on('end', () => resolve({ reused: request.reusedSocket, status: response.statusCode ?? 0 }));
		});
		request.on('error', reject);
	});
}

it('keeps an idle connection open longer than clients keep theirs (5 s)', async () => {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1, timeout: 60_000 });
	try {
		expect((await get(agent)).reused).toBe(false);
		await new Promise((resolve) => setTimeout(resolve, 6000));
		expect(await get(agent)).toEqual({ reused: true, status: 200 });
	} finally {
		agent.destroy();
	}
}, 20_000);

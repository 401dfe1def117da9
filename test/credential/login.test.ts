import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { yunkeTestBed } from '../helpers/yunke';

interface Loopback {
	url: string;
	bodies: string[];
	close(): Promise<void>;
}

/** A plain loopback HTTP server that records every body and answers with `answer`. */
async function loopback(answer: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<Loopback> {
	const bodies: string[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			bodies.push(Buffer.concat(chunks).toString('utf8'));
			answer(req, res);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		bodies,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

const LIST_SCRIPTS = { resource: 'script', operation: 'getMany', returnAll: true };

describe('the login request', () => {
	it('never follows a redirect: a 307 to another host does not receive the password', async () => {
		const elsewhere = await loopback((_req, res) => res.end('{"code":0,"data":{"api_key":"k","user_sn":"u"}}'));
		const redirecting = await loopback((_req, res) => {
			res.writeHead(307, { location: `${elsewhere.url}/api/login` });
			res.end();
		});
		const bed = await yunkeTestBed({ baseUrl: redirecting.url, password: 'S3cret-pass' });
		try {
			const result = await bed.run(LIST_SCRIPTS);
			expect(result.status).toBe('error');
			expect(redirecting.bodies.join()).toContain('S3cret-pass');
			expect(elsewhere.bodies).toEqual([]);
			expect(result.error?.message).toContain(`Yunke login was redirected (HTTP 307) to ${elsewhere.url}/api/login`);
			expect(result.error?.message).not.toContain('S3cret-pass');
		} finally {
			await bed.close();
			await redirecting.close();
			await elsewhere.close();
		}
	});

	it("gives up after the credential's timeout", async () => {
		const silent = await loopback(() => undefined);
		const bed = await yunkeTestBed({ baseUrl: silent.url, timeoutSeconds: 1 });
		try {
			const started = Date.now();
			const result = await bed.run(LIST_SCRIPTS);
			expect(result.status).toBe('error');
			// a read: one login attempt and three retries (0.3 + 0.6 + 1.2 s apart), each cut off after 1 s
			expect(silent.bodies).toHaveLength(4);
			expect(Date.now() - started).toBeLessThan(9000);
			expect(result.error?.message).toBe('Yunke login failed: the Yunke server did not answer in time');
		} finally {
			await bed.close();
			await silent.close();
		}
	}, 15_000);
});

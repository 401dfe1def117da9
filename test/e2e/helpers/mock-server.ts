/** Minimal recording HTTP server on 127.0.0.1 (random port) for real-n8n e2e tests. */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MockHit {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: unknown;
}

export interface MockServer {
	url: string;
	port: number;
	hits: MockHit[];
	close(): Promise<void>;
}

/** Echoes `{ ok, method, url, apiKey, body }` as JSON for every request and records it. */
export async function startMockServer(): Promise<MockServer> {
	const hits: MockHit[] = [];
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (c) => (raw += c));
		req.on('end', () => {
			let body: unknown = raw || null;
			try {
				body = raw ? JSON.parse(raw) : null;
			} catch {
				/* keep text */
			}
			const hit = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
			hits.push(hit);
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ ok: true, method: hit.method, url: hit.url, apiKey: req.headers['x-api-key'] ?? null, body }));
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		hits,
		close: () => new Promise<void>((r) => {
			server.closeAllConnections?.();
			server.close(() => r());
		}),
	};
}

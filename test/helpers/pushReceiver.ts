import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPush {
	path: string;
	contentType: string;
	body: any;
}

/** A local HTTP endpoint that records what the sandbox pushes and answers with `answer` (default SUCCESS). */
export class PushReceiver {
	received: ReceivedPush[] = [];
	answer = 'SUCCESS';
	url = '';
	private server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			let body: unknown = text;
			try {
				body = JSON.parse(text);
			} catch {
				// kept as text
			}
			this.received.push({ path: req.url ?? '', contentType: String(req.headers['content-type'] ?? ''), body });
			res.writeHead(200, { 'content-type': 'text/plain' });
			res.end(this.answer);
		});
	});

	async start(): Promise<string> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this.url;
	}

	async stop(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}

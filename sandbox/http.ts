import type { IncomingMessage, ServerResponse } from 'node:http';

export interface UploadedFile {
	field: string;
	fileName: string;
	mimeType: string;
	data: Buffer;
}

/** A request as the vendor's PHP would see it: parameters in sending order, files apart. */
export interface ParsedRequest {
	method: string;
	path: string;
	contentType: string;
	params: Array<[string, unknown]>;
	files: UploadedFile[];
	rawBody: Buffer;
	bodyError?: string;
}

export async function readBody(req: IncomingMessage, maxBytes = 64 * 1024 * 1024): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > maxBytes) throw new Error('body too large');
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

export function parseRequest(req: IncomingMessage, rawBody: Buffer): ParsedRequest {
	const url = new URL(req.url ?? '/', 'http://sandbox');
	const contentType = String(req.headers['content-type'] ?? '');
	const params: Array<[string, unknown]> = [...url.searchParams.entries()];
	const parsed: ParsedRequest = { method: req.method ?? 'GET', path: url.pathname, contentType, params, files: [], rawBody };
	if (rawBody.length === 0) return parsed;
	if (contentType.includes('multipart/form-data')) {
		const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
		if (!boundary) return { ...parsed, bodyError: 'no boundary' };
		const { fields, files } = parseMultipart(rawBody, boundary.replace(/^"|"$/g, ''));
		return { ...parsed, params: [...params, ...fields], files };
	}
	if (contentType.includes('application/x-www-form-urlencoded')) {
		return { ...parsed, params: [...params, ...new URLSearchParams(rawBody.toString('utf8')).entries()] };
	}
	try {
		const body = JSON.parse(rawBody.toString('utf8')) as unknown;
		if (!body || typeof body !== 'object' || Array.isArray(body)) return { ...parsed, bodyError: 'not an object' };
		return { ...parsed, params: [...params, ...Object.entries(body as Record<string, unknown>)] };
	} catch {
		return { ...parsed, bodyError: 'invalid JSON' };
	}
}

function parseMultipart(body: Buffer, boundary: string): { fields: Array<[string, string]>; files: UploadedFile[] } {
	const fields: Array<[string, string]> = [];
	const files: UploadedFile[] = [];
	const delimiter = Buffer.from(`--${boundary}`);
	let start = body.indexOf(delimiter);
	while (start !== -1) {
		const next = body.indexOf(delimiter, start + delimiter.length);
		if (next === -1) break;
		const part = body.subarray(start + delimiter.length + 2, next - 2);
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd !== -1) {
			const headers = part.subarray(0, headerEnd).toString('utf8');
			const content = part.subarray(headerEnd + 4);
			const name = /name="([^"]*)"/.exec(headers)?.[1] ?? '';
			const fileName = /filename="([^"]*)"/.exec(headers)?.[1];
			if (fileName !== undefined) {
				const mimeType = /Content-Type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream';
				files.push({ field: name, fileName: decodeURIComponent(fileName), mimeType, data: Buffer.from(content) });
			} else {
				fields.push([name, content.toString('utf8')]);
			}
		}
		start = next;
	}
	return { fields, files };
}

export function sendJson(res: ServerResponse, body: unknown, status = 200): void {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
	res.end(text);
}

export function sendText(res: ServerResponse, text: string, status = 200, contentType = 'text/plain; charset=utf-8'): void {
	res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
	res.end(text);
}

export function sendFile(res: ServerResponse, data: Buffer, mimeType: string, fileName: string): void {
	res.writeHead(200, {
		'content-type': mimeType,
		'content-length': data.length,
		'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
	});
	res.end(data);
}

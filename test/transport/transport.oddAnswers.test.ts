/** The transport against one scripted behaviour of n8n's request helper (the only stand-in). */

import { yunkeApiRequest, yunkeDownload } from '../../nodes/Yunke/transport/request';
import { scriptedContext } from '../helpers/scriptedRequests';

const recording = (disposition: string) => () => ({ body: Buffer.from('RIFF....WAVE'), headers: { 'content-type': 'audio/wav', 'content-disposition': disposition } });
const download = { method: 'GET' as const, endpoint: '/api/cdrDownload', qs: { sn: 'x' }, idempotent: true, itemIndex: 0 };

describe('downloads with an odd Content-Disposition', () => {
	it('a filename* with bad percent-encoding does not crash the download; the plain filename is used', async () => {
		const { context } = scriptedContext(recording(`attachment; filename*=UTF-8''%E5%BD%95%E9%9F%B3%E4%B8.wav; filename="recording.wav"`));
		const file = await yunkeDownload.call(context, download);
		expect(file.data.toString()).toBe('RIFF....WAVE');
		expect(file.fileName).toBe('recording.wav');
	});

	it('without a plain filename the text comes as it was sent', async () => {
		const { context } = scriptedContext(recording(`attachment; filename*=UTF-8''%ZZbad.wav`));
		expect((await yunkeDownload.call(context, download)).fileName).toBe('%ZZbad.wav');
	});

	it('a well-encoded filename* is still decoded', async () => {
		const { context } = scriptedContext(recording(`attachment; filename*=UTF-8''%E5%BD%95%E9%9F%B3.wav`));
		expect((await yunkeDownload.call(context, download)).fileName).toBe('录音.wav');
	});
});

describe('an error the transport does not recognise', () => {
	it('is not retried and not called a connection reset', async () => {
		const { context, requests } = scriptedContext(() => {
			throw new Error('Unsupported protocol yunke:');
		});
		const read = yunkeApiRequest.call(context, { method: 'POST', endpoint: '/api/templatelist', body: {}, idempotent: true, itemIndex: 0 });
		await expect(read).rejects.toThrow('The request to Yunke failed with an unexpected error');
		await read.catch((error: { description?: string }) => {
			expect(error.description).toContain('Unsupported protocol yunke:');
			expect(error.description).not.toMatch(/reset|closed the connection/);
		});
		expect(requests).toHaveLength(1);
	});
});

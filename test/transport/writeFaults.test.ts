/** The one rule of which transport faults leave a write's outcome unknown (nodes/Yunke/transport/errors.ts). */
import { answerMayBeLost, classifyThrown, type TransportFault } from '../../nodes/Yunke/transport/errors';

const thrown = (code: string) => Object.assign(new Error(code), { code });
const http = (status: number): TransportFault => ({ kind: 'http', status, detail: `HTTP ${status}` });

describe('answerMayBeLost: did the write perhaps reach Yunke with no usable answer back?', () => {
	it.each([
		['a timeout after sending', classifyThrown(thrown('ETIMEDOUT'))],
		['an aborted request (axios timeout)', classifyThrown(thrown('ECONNABORTED'))],
		['a reset connection', classifyThrown(thrown('ECONNRESET'))],
		['a socket hang up', classifyThrown(new Error('socket hang up'))],
		['an empty answer', { kind: 'empty', detail: 'empty body' } as TransportFault],
		['an answer that is not JSON', { kind: 'notJson', detail: 'an HTML page' } as TransportFault],
		['HTTP 500', http(500)],
		['HTTP 502', http(502)],
		['HTTP 503', http(503)],
	])('%s: yes, it may have been applied', (_, fault) => {
		expect(answerMayBeLost(fault)).toBe(true);
	});

	it.each([
		['a refused connection', classifyThrown(thrown('ECONNREFUSED'))],
		['a DNS failure', classifyThrown(thrown('ENOTFOUND'))],
		['a DNS lookup timeout', classifyThrown(thrown('EAI_AGAIN'))],
		['HTTP 429 (turned away)', http(429)],
		['HTTP 404', http(404)],
		['a canceled execution', classifyThrown(thrown('ERR_CANCELED'))],
	])('%s: no, nothing that could apply it was reached', (_, fault) => {
		expect(answerMayBeLost(fault)).toBe(false);
	});
});

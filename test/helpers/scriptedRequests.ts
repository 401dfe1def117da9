import type { IHttpRequestOptions } from 'n8n-workflow';

import type { YunkeContext } from '../../nodes/Yunke/transport/context';

/**
 * A node context whose only stand-in is n8n's request helper: every request is recorded in `requests`
 * and answered by `answer`. `more` adds context methods an operation reads (e.g. `getNodeParameter`).
 */
export function scriptedContext(answer: (options: IHttpRequestOptions) => unknown, more: object = {}) {
	const requests: IHttpRequestOptions[] = [];
	const context = {
		getNode: () => ({ id: 'n', name: 'Yunke', type: 'n8n-nodes-yunke.yunke', typeVersion: 1, position: [0, 0], parameters: {} }),
		getCredentials: async () => ({ baseUrl: 'http://127.0.0.1:9', apiKey: '' }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				requests.push(options);
				return answer(options);
			},
		},
		...more,
	} as unknown as YunkeContext;
	return { context, requests };
}

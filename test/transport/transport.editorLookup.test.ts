/**
 * The editor's lookups (dropdowns, resource locators, the Columns mapper): a person waits at them, so
 * they wait less per answer and retry less than an execution does.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { EDITOR_LOOKUP, patienceFor } from '../../nodes/Yunke/transport/patience';
import { YunkeV1 } from '../../nodes/Yunke/v1/YunkeV1.node';
import { useBed } from '../helpers/bed';
import { editorContext } from '../helpers/editorContext';

const bed = useBed();
const methods = new YunkeV1().methods;
const SCRIPT_LIST = '/api/templatelist';
const editor = () => editorContext(bed, { resource: 'task', operation: 'create' });

describe('lookups for the editor', () => {
	it('a Script list that keeps breaking fails after one retry, with the transport message', async () => {
		bed.sandbox.injectFault({ path: SCRIPT_LIST, count: 4, action: { type: 'reset' } });
		await expect(methods.listSearch.searchScripts.call(editor())).rejects.toThrow('The connection to the Yunke server broke before an answer arrived');
		expect(bed.sandbox.requestsTo(SCRIPT_LIST)).toHaveLength(2);
	});

	it('a Script list that breaks once still opens', async () => {
		bed.sandbox.injectFault({ path: SCRIPT_LIST, count: 1, action: { type: 'reset' } });
		const found = await methods.listSearch.searchScripts.call(editor());
		expect(found.results.length).toBeGreaterThan(0);
		expect(bed.sandbox.requestsTo(SCRIPT_LIST)).toHaveLength(2);
	});

	it('waits at most 15 s for each answer, or less when the Request Timeout is shorter; executions keep the Request Timeout and 3 retries', () => {
		expect(patienceFor(editor(), 60_000)).toEqual({ timeoutMs: EDITOR_LOOKUP.timeoutMs, transientRetries: 1 });
		expect(EDITOR_LOOKUP.timeoutMs).toBe(15_000);
		expect(patienceFor(editor(), 5_000)).toEqual({ timeoutMs: 5_000, transientRetries: 1 });
		const execution = { getNode: () => ({}) } as unknown as IExecuteFunctions;
		expect(patienceFor(execution, 60_000)).toEqual({ timeoutMs: 60_000, transientRetries: 3 });
	});
});

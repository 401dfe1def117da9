/**
 * Bad input, table-driven: each case must give an error that names the field and the item (message
 * `[item N]` or the item n8n shows from context.itemIndex, plus pairedItem), and send nothing that
 * changes anything; input that can be checked locally sends nothing at all. Counted as bad_inputs / caught.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { ENDPOINTS } from '../../nodes/Yunke/shared/contract';
import { newTask } from '../../sandbox/taskModel';
import { yunkeTestBed, type YunkeTestBed } from '../helpers/yunke';
import { BAD_INPUTS } from './support/badInputCases';
import { pairedTo } from './support/faultKinds';
import { badInputCase } from './support/reliabilityTally';

let bed: YunkeTestBed;
beforeAll(async () => (bed = await yunkeTestBed()));
afterAll(async () => await bed.close());

describe.each(BAD_INPUTS.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
	it('is caught with the field and the item, and nothing is changed', async () => {
		await badInputCase(async () => {
			const target = entry.credential ? await yunkeTestBed(entry.credential) : bed;
			try {
				target.sandbox.reset();
				if (!entry.credential) target.coldCredential();
				target.sandbox.data.tasks.push(newTask(target.sandbox.data, target.sandbox.clock, { source: '已有任务', project_sn: '', ai_user_sn: '' }));
				entry.prepare?.(target.sandbox);
				const items = entry.items ?? [{}];
				const result = await target.run(entry.params(target.sandbox), items, { onError: 'continueErrorOutput' });
				const itemIndex = entry.item ?? 0;
				const errors = result.outputs.flat().filter((item: INodeExecutionData) => item.error);
				const error = errors.find((item) => pairedTo([item])[0] === itemIndex);
				expect(error).toBeDefined();
				const message = String(error?.json.error);
				if (typeof entry.field === 'string') expect(message).toContain(entry.field);
				else expect(message).toMatch(entry.field);
				// the item: in the message, or where n8n shows it (context.itemIndex), always as pairedItem
				const itemNamed = message.includes(`[item ${itemIndex}]`) || error?.error?.context.itemIndex === itemIndex;
				expect(itemNamed).toBe(true);
				expect(error?.error?.description ?? '').not.toBe('');
				const sent = target.sandbox.log.filter((request) => request.path !== ENDPOINTS.login).map((request) => request.path);
				const allowed = new Set(entry.reads ?? []);
				expect(sent.filter((path) => !allowed.has(path))).toEqual([]);
				if (!entry.login && !entry.reads) expect(target.sandbox.log).toEqual([]);
				if (entry.notSent) expect(JSON.stringify(target.sandbox.log)).not.toContain(entry.notSent);
			} finally {
				if (target !== bed) await target.close();
			}
		});
	});
});

/**
 * Task → Create with 1,000 rows in 10 chunks of 100, a fault in any one chunk, before or after the
 * server applied it: every row ends in the task exactly once, or in an error item paired with its
 * input item. A creation whose answer is lost and that never shows in the task list is not sent again:
 * every item says the task may have been created. Counted as faults / survived, rows_lost /
 * rows_duplicated and tasks_duplicated (support/reliabilityTally.ts).
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { ENDPOINTS } from '../../nodes/Yunke/shared/contract';
import { createParameters, people } from '../helpers/imports';
import { yunkeTestBed, type YunkeTestBed } from '../helpers/yunke';
import { AMBIGUOUS_KINDS, armFault, CLEAR_FAULT_MESSAGE, MAY_HAVE_BEEN_APPLIED, pairedTo, rowsAgainstTasks, type FaultKind } from './support/faultKinds';
import { count, faultCase } from './support/reliabilityTally';

const ROWS = 1000;
const CHUNK = 100;
const CHUNKS = ROWS / CHUNK;
const TASK_NAME = '可靠性导入';
/** One fault kind per chunk, so that every kind strikes a creation or an append somewhere. */
const KINDS: FaultKind[] = ['reset', 'http5xx', 'timeout', 'empty', 'truncated', 'html', 'reset', 'timeout', 'http5xx', 'empty'];

let bed: YunkeTestBed;
beforeAll(async () => (bed = await yunkeTestBed({ timeoutSeconds: 2 })));
afterAll(async () => await bed.close());

const cases: Array<[number, FaultKind, 'before' | 'after']> = [];
for (let chunk = 0; chunk < CHUNKS; chunk++) for (const phase of ['before', 'after'] as const) cases.push([chunk, KINDS[chunk], phase]);
// the session dies mid-import: another login (the key is renewed once), a rejected key answered as a string code
cases.push([5, 'anotherLogin', 'before'], [3, 'stringCode', 'before']);

describe.each(cases)('chunk %i ← %s (%s the server applied it)', (chunk, kind, phase) => {
	it('imports every row exactly once or reports it with its item', async () => {
		await faultCase(async () => {
			bed.sandbox.reset();
			bed.coldCredential();
			const items = people(ROWS);
			const settle = armFault(bed.sandbox, kind, ENDPOINTS.taskCreateJson, phase, chunk);
			const result = await bed.run(
				createParameters(bed.sandbox, { taskName: TASK_NAME, options: { chunkSize: CHUNK, importMode: 'sync' } }),
				items,
				{ onError: 'continueErrorOutput' },
			);
			await settle();
			expect(bed.sandbox.faults.pending()).toEqual([]);
			const { lost, duplicated, reported } = reconcileRows(items, result.outputs.flat());
			count('rows_lost', lost.length, lost.length ? `e.g. ${lost.slice(0, 3).join(', ')}` : undefined);
			count('rows_duplicated', duplicated.length, duplicated.length ? `e.g. ${duplicated.slice(0, 3).join(', ')}` : undefined);
			expect(lost).toEqual([]);
			expect(duplicated).toEqual([]);
			const tasks = bed.sandbox.data.tasks.filter((task) => task.source === TASK_NAME);
			count('tasks_duplicated', Math.max(tasks.length - 1, 0));
			if (chunk === 0 && phase === 'before' && AMBIGUOUS_KINDS.includes(kind)) {
				// the creation never arrived, but from here it looks the same as one applied and not yet listed
				expect(tasks).toHaveLength(0);
				expect(reported.map((item) => String(item.json.error))).toEqual(items.map(() => `The task "${TASK_NAME}" may have been created: Yunke's answer to the creation was lost`));
				expect(pairedTo(reported)).toEqual(items.map((_, itemIndex) => itemIndex));
				return;
			}
			expect(tasks).toHaveLength(1);
			// a lost answer is recovered, so nothing needs reporting; anything reported must say why clearly
			for (const item of reported) expect(String(item.json.error)).toMatch(new RegExp(`${CLEAR_FAULT_MESSAGE.source}|${MAY_HAVE_BEEN_APPLIED.source}`));
			expect(reported).toHaveLength(0);
			const summary = result.outputs[0].find((item) => item.json.taskSn);
			expect(summary?.json).toMatchObject({ requests: CHUNKS, rowsSent: ROWS });
			// a chunk whose answer was lost is sent again only when the task counts show it never arrived
			expect(summary?.json.counts).toMatchObject({ total: ROWS, imported: ROWS, duplicate: 0 });
		});
	});
});

/** Compares the input rows with the rows of every task of that name, and with the error items. */
function reconcileRows(items: Array<Record<string, string>>, output: INodeExecutionData[]) {
	const tasks = bed.sandbox.data.tasks.filter((entry) => entry.source === TASK_NAME && !entry.deleted);
	return rowsAgainstTasks(items, tasks, output);
}

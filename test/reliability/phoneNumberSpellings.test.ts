/**
 * The same person written two ways — within one import, across two imports into one task, and with the
 * second import's answer lost after the server applied it — is never a second row of the task, so never
 * a second call. Counted on the sandbox side (numbers_duplicated, support/reliabilityTally.ts): the task's rows after
 * normalising by the sandbox's own reading of numbers, not the node's; the tenant itself compares numbers
 * exactly as sent (reading phoneMatch: exact).
 */
import { ENDPOINTS } from '../../nodes/Yunke/shared/contract';
import { samePersonKey } from '../../sandbox/phoneNumbers';
import type { Task } from '../../sandbox/state';
import { createParameters, importIntoParameters } from '../helpers/imports';
import { yunkeTestBed, type YunkeTestBed } from '../helpers/yunke';
import { armFault } from './support/faultKinds';
import { count } from './support/reliabilityTally';

const PEOPLE = 200;
const TASK_NAME = '号码去重';

let bed: YunkeTestBed;
beforeAll(async () => (bed = await yunkeTestBed({ timeoutSeconds: 2 })));
afterAll(async () => await bed.close());
beforeEach(() => {
	bed.sandbox.reset();
	bed.coldCredential();
});

const FULL_WIDTH = '０１２３４５６７８９';

/** Person `n` written in one of six ways people write a mainland mobile. */
function written(n: number, way: number): string {
	const bare = String(13500000000 + n);
	const spaced = `${bare.slice(0, 3)} ${bare.slice(3, 7)} ${bare.slice(7)}`;
	switch (way % 6) {
		case 0:
			return bare;
		case 1:
			return `+86 ${spaced}`;
		case 2:
			return `0086-${bare.slice(0, 3)}-${bare.slice(3, 7)}-${bare.slice(7)}`;
		case 3:
			return `86${bare}`;
		case 4:
			return [...bare].map((digit) => FULL_WIDTH[Number(digit)]).join('');
		default:
			return `(${bare.slice(0, 3)}) ${bare.slice(3, 7)}.${bare.slice(7)}`;
	}
}

const items = (way: number) => Array.from({ length: PEOPLE }, (_, n) => ({ 姓名: `客户${n}`, phone: written(n, way + n) }));

/** Rows of the task that are a person already in it, by the sandbox's own rule. */
function repeatedPeople(task: Task): number {
	return task.rows.length - new Set(task.rows.map((row) => samePersonKey(row.phone))).size;
}

function theTask(): Task {
	const tasks = bed.sandbox.data.tasks.filter((task) => task.source === TASK_NAME);
	expect(tasks).toHaveLength(1);
	return tasks[0];
}

describe('one person written two ways is one row of the task', () => {
	it('within one import', async () => {
		const result = await bed.run(createParameters(bed.sandbox, { taskName: TASK_NAME }), [...items(0), ...items(3)]);
		expect(result.status).toBe('success');
		const task = theTask();
		count('numbers_duplicated', repeatedPeople(task));
		expect(task.rows).toHaveLength(PEOPLE);
		expect(result.outputs[0].slice(1).every((item) => item.json.notSent === true)).toBe(true);
	});

	it('across two imports into one task', async () => {
		await bed.run(createParameters(bed.sandbox, { taskName: TASK_NAME }), items(0));
		const task = theTask();
		const again = await bed.run(importIntoParameters(bed.sandbox, task.dial_task_main_sn), items(1));
		expect(again.status).toBe('success');
		count('numbers_duplicated', repeatedPeople(task));
		expect(task.rows).toHaveLength(PEOPLE);
	});

	it('across two imports, the second answer lost after the server applied it', async () => {
		await bed.run(createParameters(bed.sandbox, { taskName: TASK_NAME }), items(2));
		const task = theTask();
		const settle = armFault(bed.sandbox, 'reset', ENDPOINTS.taskCreateJson, 'after');
		await bed.run(importIntoParameters(bed.sandbox, task.dial_task_main_sn, { options: { chunkSize: 50 } }), items(4), { onError: 'continueErrorOutput' });
		await settle();
		count('numbers_duplicated', repeatedPeople(task));
		expect(task.rows).toHaveLength(PEOPLE);
	});
});

/**
 * 5.7.2 `client_info_json` (contract CLIENT_INFO_JSON_FORMS): sent as a nested object; a tenant that
 * answers 30006 to it gets the batch once more as a JSON string, and the string for the rest of the run.
 */
import { ENDPOINTS } from '../../nodes/Yunke/shared/contract';
import { createParameters, onlyTask, people, sentRows } from '../helpers/imports';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';
import { expectSigned } from '../helpers/signature';

const bed = useBed();

const imports = () => bed.sandbox.requestsTo(ENDPOINTS.taskCreateJson);
const answerCode = (entry: { answer: unknown }) => (entry.answer as { code: number }).code;

describe.each(['object', 'string'] as const)('a tenant that takes client_info_json as %s', (form) => {
	it('imports every chunk into one task, signed, with one request per chunk after the first answer', async () => {
		bed.sandbox.shapes.clientInfoJson = form;
		const result = await bed.run(createParameters(bed.sandbox, { options: { chunkSize: 10 } }), people(25));
		expect(result.status).toBe('success');
		const sent = imports();
		const expectedForms = form === 'object' ? ['object', 'object', 'object'] : ['object', 'string', 'string', 'string'];
		expect(sent.map((entry) => typeof entry.params.client_info_json)).toEqual(expectedForms);
		expect(sent.map(answerCode)).toEqual(form === 'object' ? [0, 0, 0] : [30006, 0, 0, 0]);
		for (const entry of sent) expectSigned(entry);
		expect(sent.slice(-3).flatMap((entry) => sentRows(entry).map((row) => row['电话']))).toEqual(people(25).map((person) => person.phone));
		expect(onlyTask(bed.sandbox).rows).toHaveLength(25);
		expect(bed.sandbox.data.tasksCreatedToday).toBe(1);
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ requests: 3, counts: { total: 25, imported: 25 } });
	});
});

it('a 30006 to the string form is an error, not another form', async () => {
	bed.sandbox.shapes.clientInfoJson = 'string';
	bed.sandbox.injectFault({ path: ENDPOINTS.taskCreateJson, skip: 1, action: { type: 'code', code: 30006 } });
	const result = await bed.run(createParameters(bed.sandbox), people(2));
	expect(result.nodeError?.message).toMatch(/\(Yunke code 30006\)$/);
	expect(imports()).toHaveLength(2);
	expect(bed.sandbox.data.tasks).toHaveLength(0);
});

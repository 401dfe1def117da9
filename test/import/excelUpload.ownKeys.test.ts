/**
 * An Excel upload is recognised by its extension (.xlsx/.xls) or MIME type; a file whose "extension" is
 * a key every object inherits is no Excel file, and the user is told so before anything is sent.
 */
import { createParameters } from '../helpers/imports';
import { useBed } from '../helpers/bed';

const bed = useBed();

it.each(['list.constructor', 'list.toString'])('refuses a file named %s with a clear error, sending nothing', async (fileName) => {
	const result = await bed.run(createParameters(bed.sandbox, { dataSource: 'excel' }), [
		{ json: {}, binary: { data: { data: Buffer.from('a,b'), fileName, mimeType: 'application/octet-stream' } } },
	]);
	expect(result.nodeError?.message).toBe(`Input Binary Field "data": the file "${fileName}" (application/octet-stream) is not an Excel file [item 0]`);
	expect(bed.sandbox.requestsTo('/api/addExcelOfAsync')).toHaveLength(0);
});

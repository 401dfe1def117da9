/** 5.11 read once for Script → Get Import Template and the import: the same header row gives the same columns. */
import { createParameters, importTargets, sentRows } from '../helpers/imports';
import { locator } from '../helpers/tasks';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';

const bed = useBed();
beforeEach(() => {
	// a header row as a console may save it: padded names and an empty cell between two columns
	const script = bed.sandbox.data.scripts.find((entry) => entry.sn === importTargets(bed.sandbox).scriptSn);
	script!.columns = [' 姓名 ', '', '*电话'];
});

describe('the 5.11 import template, read once', () => {
	it('Script → Get Import Template lists the trimmed names and no column for an empty cell', async () => {
		const scriptSn = importTargets(bed.sandbox).scriptSn;
		const result = await bed.run({ resource: 'script', operation: 'getImportTemplate', script: locator(scriptSn) });
		expect(jsonOf(result.outputs[0])).toEqual([
			{
				project_sn: scriptSn,
				columns: [
					{ name: '姓名', required: false },
					{ name: '电话', required: true },
				],
				raw: [[' 姓名 ', '', '*电话']],
			},
		]);
	});

	it('the import sends rows keyed by the same columns', async () => {
		const result = await bed.run(createParameters(bed.sandbox), [{ 姓名: '张三', 电话: '13800138000' }]);
		expect(result.status).toBe('success');
		const [request] = bed.sandbox.requestsTo('/api/addJson');
		expect(sentRows(request)).toEqual([{ 姓名: '张三', 电话: '13800138000' }]);
	});
});

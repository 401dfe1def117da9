import { buildWorkbook } from '../../sandbox/excel';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';
import { createParameters, importIntoParameters, onlyTask, people, seedTask, until } from '../helpers/imports';
import { expectSigned } from '../helpers/signature';

const bed = useBed({ sandbox: { speed: { asyncImportMs: 300 } } });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function excelItem(rows: unknown[][], fileName = 'list.xlsx', mimeType = XLSX) {
	return { json: { source: 'crm' }, binary: { data: { data: buildWorkbook(rows), fileName, mimeType } } };
}

describe('Task → Create in the background', () => {
	it('imports with addJsonOfAsync, waits for 5.7.4 and outputs the counts and rejected rows', async () => {
		const items = [...people(3), { 姓名: 'short', phone: '2345678' }];
		// the node's first look follows the last chunk's answer at once: 1 s of import work outlasts that
		// look even on a loaded machine, so the node is seen to wait (300 ms did not, under load)
		bed.sandbox.speed.asyncImportMs = 1000;
		const result = await bed.run(createParameters(bed.sandbox, { options: { importMode: 'async', chunkSize: 2 } }), items);
		expect(result.status).toBe('success');
		const requests = bed.sandbox.requestsTo('/api/addJsonOfAsync');
		expect(requests).toHaveLength(2);
		expect(requests[1].params.dial_task_main_sn).toBe(onlyTask(bed.sandbox).dial_task_main_sn);
		const polls = bed.sandbox.requestsTo('/api/getImportTaskInfo');
		expect(polls.length).toBeGreaterThanOrEqual(2);
		expect(polls[0].params.dial_task_main_id).toBe(String(onlyTask(bed.sandbox).dial_task_main_id));
		expectSigned(polls[0]);
		const [summary, rejected] = result.outputs[0];
		expect(summary.json).toMatchObject({ importMode: 'background', finished: true, counts: { total: 4, imported: 3, failed: 1 }, rejectedRows: 1 });
		expect(rejected.json).toMatchObject({ rejected: true, row: { 姓名: 'short', '*电话': '2345678' } });
		expect(rejected.json.reason).toContain('号码格式错误');
		expect(rejected.pairedItem).toEqual({ item: 3 });
		expect(onlyTask(bed.sandbox).rows).toHaveLength(3);
	});

	it('returns at once without waiting, saying the import still runs', async () => {
		bed.sandbox.speed.asyncImportMs = 2000;
		const result = await bed.run(createParameters(bed.sandbox, { options: { importMode: 'async', waitForImport: false } }), people(2));
		expect(result.outputs[0][0].json).toMatchObject({ finished: false, requests: 1 });
		expect(String(result.outputs[0][0].json.note)).toContain('Task → Get Import Result');
		expect(result.outputs[0][0].json.counts).toBeUndefined();
		expect(bed.sandbox.requestsTo('/api/getImportTaskInfo')).toHaveLength(0);
	});

	it('stops waiting at the timeout and says so', async () => {
		// the import outlasts the 1 s wait by far, so a slow machine cannot blur the two
		bed.sandbox.speed.asyncImportMs = 10_000;
		const started = Date.now();
		const result = await bed.run(createParameters(bed.sandbox, { options: { importMode: 'async', waitTimeoutSeconds: 1 } }), people(2));
		expect(Date.now() - started).toBeLessThan(8000);
		expect(result.outputs[0][0].json).toMatchObject({ finished: false });
	});

	it('counts only this run when importing into an existing task in the background', async () => {
		const task = seedTask(bed.sandbox, []);
		await bed.run(importIntoParameters(bed.sandbox, task.dial_task_main_sn, { options: { importMode: 'async' } }), people(2));
		const result = await bed.run(importIntoParameters(bed.sandbox, task.dial_task_main_sn, { options: { importMode: 'async' } }), people(3));
		expect(result.outputs[0][0].json).toMatchObject({ finished: true, counts: { total: 3, imported: 1, duplicate: 2 } });
		expect(task.rows).toHaveLength(3);
	});

	it('starts a new background task in the creating request and dials once imported', async () => {
		const result = await bed.run(createParameters(bed.sandbox, { options: { importMode: 'async', startDialling: true } }), people(2));
		expect(bed.sandbox.requestsTo('/api/addJsonOfAsync')[0].params.is_zidong).toBe('on');
		expect(result.outputs[0][0].json).toMatchObject({ diallingStarted: true, finished: true });
		await until(() => onlyTask(bed.sandbox).rows.every((row) => row.state === 'dialled'), 20_000);
	});
});

describe('Task → Create from an Excel file', () => {
	it('uploads the file as it is with addExcelOfAsync and waits for the result', async () => {
		const item = excelItem([
			['姓名', '*电话', '地址', '公司名称', '备注'],
			['王五', '13500000001', '上海', '', ''],
			['赵六', '13500000002', '', '', ''],
			['坏号', '999', '', '', ''],
		]);
		const result = await bed.run(createParameters(bed.sandbox, { dataSource: 'excel', binaryPropertyName: 'data' }), [item]);
		expect(result.status).toBe('success');
		const [upload] = bed.sandbox.requestsTo('/api/addExcelOfAsync');
		expect(upload.contentType).toContain('multipart/form-data');
		expect(upload.files).toEqual([{ field: 'upload', fileName: 'list.xlsx', size: item.binary.data.data.length }]);
		expect(upload.params).toMatchObject({ source: '回访九月' });
		expectSigned(upload);
		expect(onlyTask(bed.sandbox).rows.map((row) => row.phone)).toEqual(['13500000001', '13500000002']);
		const [summary, rejected] = result.outputs[0];
		expect(summary.json).toMatchObject({ rowsFrom: 'excelFile', importMode: 'background', finished: true, counts: { total: 3, imported: 2, failed: 1 } });
		expect(summary.json.rowsSent).toBeUndefined();
		expect(summary.pairedItem).toEqual([{ item: 0 }]);
		expect(rejected.pairedItem).toEqual([{ item: 0 }]);
	});

	it('refuses a file that is not xlsx or xls without sending it', async () => {
		const result = await bed.run(createParameters(bed.sandbox, { dataSource: 'excel' }), [
			{ json: {}, binary: { data: { data: Buffer.from('a,b'), fileName: 'list.csv', mimeType: 'text/csv' } } },
		]);
		expect(result.nodeError?.message).toBe(
			'Input Binary Field "data": the file "list.csv" (text/csv) is not an Excel file [item 0]',
		);
		expect(bed.sandbox.requestsTo('/api/addExcelOfAsync')).toHaveLength(0);
	});

	it('names the item without the binary field', async () => {
		const result = await bed.run(createParameters(bed.sandbox, { dataSource: 'excel', binaryPropertyName: 'sheet' }), [{ name: 'x' }]);
		expect(result.status).toBe('error');
		expect(result.nodeError?.message).toContain('sheet');
		expect(bed.sandbox.log.filter((entry) => entry.path !== '/api/login')).toHaveLength(0);
	});

	it('lets Yunke judge the content: a file that is not a workbook fails with its English message', async () => {
		const result = await bed.run(
			createParameters(bed.sandbox, { dataSource: 'excel' }),
			[{ json: {}, binary: { data: { data: Buffer.from('not a workbook'), fileName: 'list.xlsx', mimeType: XLSX } } }],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[1][0].json.error).toBe('The import file is not an Excel file (Yunke code 30002)');
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 0 });
	});
});

describe('Task → Get Import Result', () => {
	it('reads 5.7.4 for a task given by sn and names the counts in English', async () => {
		const created = await bed.run(createParameters(bed.sandbox), [...people(2), { 姓名: 'x', phone: '95588' }]);
		const sn = String(created.outputs[0][0].json.taskSn);
		bed.sandbox.log = [];
		const result = await bed.run({ resource: 'task', operation: 'getImportResult', task: { __rl: true, mode: 'list', value: sn } }, [{}, {}]);
		expect(result.status).toBe('success');
		const [first, second] = jsonOf(result.outputs[0]);
		expect(first).toMatchObject({
			taskSn: sn,
			taskId: String(onlyTask(bed.sandbox).dial_task_main_id),
			finished: true,
			importPercent: 100,
			counts: { total: 3, imported: 2, failed: 1, blacklisted: 0, duplicate: 0 },
			importMark: { totalCount: 3, successCount: 2, failCount: 1 },
			rejectedRows: [{ reason: expect.stringContaining('号码格式错误'), row: expect.objectContaining({ '*电话': '95588' }) }],
		});
		expect(second).toEqual(first);
		expect(result.outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const [request] = bed.sandbox.requestsTo('/api/getImportTaskInfo');
		expect(request.params.dial_task_main_id).toBe(String(onlyTask(bed.sandbox).dial_task_main_id));
	});

	it('answers 30011 for an unknown task ID in English', async () => {
		const result = await bed.run({ resource: 'task', operation: 'getImportResult', task: { __rl: true, mode: 'id', value: '999999' } }, [{}], {
			onError: 'continueErrorOutput',
		});
		expect(result.outputs[1][0].json.error).toBe('The task does not exist (Yunke code 30011)');
	});
});

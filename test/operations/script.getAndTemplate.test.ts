import * as XLSX from 'xlsx';

import { locator } from '../helpers/tasks';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';
import { expectSigned } from '../helpers/signature';

const bed = useBed();

const scriptSn = (index: number) => bed.sandbox.data.scripts[index].sn;

describe('Script → Get', () => {
	it('returns the script with its dialogue nodes', async () => {
		const result = await bed.run({ resource: 'script', operation: 'get', script: locator(scriptSn(0)) });
		const [script] = jsonOf(result.outputs[0]);
		expect(script).toMatchObject({ project_sn: scriptSn(0), sn: scriptSn(0), project_name: '房产回访', project_caption: '房产客户回访-女声' });
		expect(script.asks.map((ask: { ask_title: string }) => ask.ask_title)).toEqual(['01问候语+开场白', '谢谢']);
		expect(result.outputs[0][0].pairedItem).toEqual({ item: 0 });
		const [request] = bed.sandbox.requestsTo('/api/templatedata');
		expect(request.paramOrder).toEqual(['user_sn', 'api_key', 'project_sn', 'url']);
		expectSigned(request);
	});

	it('sends an unknown script to the error output', async () => {
		const result = await bed.run({ resource: 'script', operation: 'get', script: locator('projects|nope', 'id') }, [{}], { onError: 'continueErrorOutput' });
		expect(result.outputs[1][0].json.error).toBe('The record sn is missing (Yunke code 50003)');
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 0 });
	});
});

describe('Script → Get Import Template', () => {
	it('lists the template columns and marks the required ones', async () => {
		const result = await bed.run({ resource: 'script', operation: 'getImportTemplate', script: locator(scriptSn(1)) });
		expect(jsonOf(result.outputs[0])).toEqual([
			{
				project_sn: scriptSn(1),
				columns: [
					{ name: '姓名', required: false },
					{ name: '电话', required: true },
					{ name: '欠费金额', required: true },
					{ name: '备注', required: false },
				],
				raw: [['姓名', '*电话', '*欠费金额', '备注']],
			},
		]);
		const [request] = bed.sandbox.requestsTo('/api/exportModel');
		expect(request.method).toBe('GET');
		expect(request.paramOrder).toEqual(['url', 'user_sn', 'api_key', 'project_sn', 'type']);
		expect(request.params.type).toBe('json');
		expectSigned(request);
	});

	it('downloads the Excel template as a binary file', async () => {
		const result = await bed.run({ resource: 'script', operation: 'getImportTemplate', script: locator(scriptSn(0)), output: 'excel' });
		const [item] = result.outputs[0];
		expect(item.json).toEqual({ project_sn: scriptSn(0), fileName: '房产回访.xlsx', fileSize: expect.any(Number) });
		expect(item.binary?.data).toMatchObject({ fileName: '房产回访.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
		const book = XLSX.read(await bed.engine.binaryBuffer(item.binary!.data), { type: 'buffer' });
		expect(XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]], { header: 1 })).toEqual([['姓名', '*电话', '地址', '公司名称', '备注']]);
		expect(bed.sandbox.requestsTo('/api/exportModel')[0].paramOrder).toEqual(['url', 'user_sn', 'api_key', 'project_sn']);
	});

	it('reports a script without a template as an error item', async () => {
		const result = await bed.run({ resource: 'script', operation: 'getImportTemplate', script: locator(scriptSn(2)), output: 'excel' }, [{}], {
			onError: 'continueErrorOutput',
		});
		expect(result.outputs[1][0].json.error).toBe('The script has no import template (Yunke code 30003)');
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 0 });
	});
});

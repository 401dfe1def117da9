import { buildWorkbook, readWorkbook } from '../../sandbox/excel';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';
import { expectSigned } from '../helpers/signature';

const bed = useBed();

const ADD = '/api/importsExcelapi';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function addNumber(phone: string, extra: Record<string, unknown> = {}) {
	return await bed.run({ resource: 'doNotDisturb', operation: 'add', source: 'number', phone, days: 15, ...extra });
}

describe('Do-Not-Disturb → Add', () => {
	it('adds one number with its details and a blocking period, signed', async () => {
		const result = await addNumber('138-0013-8000', { additionalFields: { name: '张三', unit: 'ACME', address: '深圳', remark: '投诉' } });
		expect(jsonOf(result.outputs[0])).toEqual([{ phone: '13800138000', days: 15, added: 1, failed: 0, alreadyListed: 0 }]);
		expect(result.outputs[0][0].pairedItem).toEqual({ item: 0 });
		const [request] = bed.sandbox.requestsTo(ADD);
		expect(request.paramOrder).toEqual(['user_sn', 'api_key', 'phone', 'term_value', 'name', 'unit', 'address', 'remark', 'url']);
		expectSigned(request);
		const [entry] = bed.sandbox.data.dnd;
		expect(entry).toMatchObject({ phone: '13800138000', name: '张三', unit: 'ACME', address: '深圳', remark: '投诉', term_value: '15', is_auto: '人工导入' });
		const created = Date.parse(`${entry.created_at.replace(' ', 'T')}+08:00`);
		expect(Date.parse(`${entry.term_time.replace(' ', 'T')}+08:00`) - created).toBe(15 * 24 * 3600_000);
	});

	it('reports a number already on the list', async () => {
		await addNumber('13800138000');
		const again = await addNumber('13800138000');
		expect(jsonOf(again.outputs[0])[0]).toMatchObject({ added: 0, alreadyListed: 1 });
		expect(bed.sandbox.data.dnd).toHaveLength(1);
	});

	it.each([
		[{ phone: 'call me' }, 'Phone Number: "call me" is not a phone number [item 0]'],
		[{ days: -2 }, 'Block for Days: "-2" is not a whole number at least 0 [item 0]'],
	])('rejects %j locally and sends nothing', async (change, message) => {
		const result = await bed.run(
			{ resource: 'doNotDisturb', operation: 'add', source: 'number', phone: '13800138000', days: 0, ...change },
			[{}],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[1][0].json.error).toBe(message);
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 0 });
		expect(bed.sandbox.requestsTo(ADD)).toHaveLength(0);
	});

	it('uploads an Excel file as multipart with signed form fields', async () => {
		const workbook = buildWorkbook([
			['电话', '姓名', '备注'],
			['13900139000', '李四', 'vip'],
			['13700137000', '', ''],
			['not-a-number', '', ''],
		]);
		const result = await bed.run({ resource: 'doNotDisturb', operation: 'add', source: 'excel', binaryPropertyName: 'sheet', days: 0 }, [
			{ json: {}, binary: { sheet: { data: workbook, fileName: 'block.xlsx', mimeType: XLSX } } },
		]);
		expect(result.status).toBe('success');
		expect(jsonOf(result.outputs[0])).toEqual([{ fileName: 'block.xlsx', days: 0, added: 2, failed: 1, alreadyListed: 0 }]);
		const [request] = bed.sandbox.requestsTo(ADD);
		expect(request.contentType).toMatch(/^multipart\/form-data; boundary=/);
		expect(request.files).toEqual([{ field: 'upload', fileName: 'block.xlsx', size: workbook.length }]);
		expect(request.paramOrder).toEqual(['user_sn', 'api_key', 'term_value', 'url']);
		expectSigned(request);
		expect(bed.sandbox.data.dnd.map((entry) => [entry.phone, entry.name, entry.term_time])).toEqual([
			['13900139000', '李四', ''],
			['13700137000', null, ''],
		]);
	});

	it('refuses a file that is not Excel before sending', async () => {
		const result = await bed.run(
			{ resource: 'doNotDisturb', operation: 'add', source: 'excel', binaryPropertyName: 'data', days: 0 },
			[{ json: {}, binary: { data: { data: Buffer.from('a,b'), fileName: 'list.csv', mimeType: 'text/csv' } } }],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[1][0].json.error).toBe('Input Binary Field "data": the file "list.csv" (text/csv) is not an Excel file [item 0]');
		expect(bed.sandbox.requestsTo(ADD)).toHaveLength(0);
	});

	it('maps the vendor’s wrong-format code for a broken Excel file', async () => {
		const result = await bed.run(
			{ resource: 'doNotDisturb', operation: 'add', source: 'excel', binaryPropertyName: 'data', days: 0 },
			[{ json: {}, binary: { data: { data: Buffer.from('not excel'), fileName: 'broken.xlsx', mimeType: XLSX } } }],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[1][0].json.error).toMatch(/\(Yunke code 30002\)$/);
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 0 });
	});
});

describe('Do-Not-Disturb → Get Many, Delete, Download', () => {
	beforeEach(async () => {
		for (const phone of ['13800000001', '13800000002', '13800000003']) await addNumber(phone);
		bed.sandbox.log = [];
	});

	it('lists entries from the datas envelope with Return All and Limit', async () => {
		const all = await bed.run({ resource: 'doNotDisturb', operation: 'getMany', returnAll: true });
		expect(jsonOf(all.outputs[0]).map((entry) => entry.phone)).toEqual(['13800000003', '13800000002', '13800000001']);
		expect(jsonOf(all.outputs[0])[0]).toMatchObject({ term_value: '15', is_auto: '人工导入' });
		const limited = await bed.run({ resource: 'doNotDisturb', operation: 'getMany', returnAll: false, limit: 2 });
		expect(jsonOf(limited.outputs[0])).toHaveLength(2);
		expect(bed.sandbox.requestsTo('/api/BlackListListsDataapi').at(-1)?.params).toMatchObject({ pageIndex: 0, pageSize: 2 });
	});

	it('deletes by phone numbers', async () => {
		const result = await bed.run({ resource: 'doNotDisturb', operation: 'delete', deleteBy: 'phones', phones: '13800000001, 13899999999' });
		expect(jsonOf(result.outputs[0])).toEqual([{ deleted: true, phones: ['13800000001', '13899999999'], removed: 1, notFound: 1 }]);
		const [request] = bed.sandbox.requestsTo('/api/BlackListDelete');
		expect(request.params.phone_str).toBe('13800000001,13899999999');
		expectSigned(request);
		expect(bed.sandbox.data.dnd.map((entry) => entry.phone)).toEqual(['13800000002', '13800000003']);
	});

	it('deletes by entry IDs', async () => {
		const id = String(bed.sandbox.data.dnd[1].id);
		const result = await bed.run({ resource: 'doNotDisturb', operation: 'delete', deleteBy: 'ids', ids: id });
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ deleted: true, ids: [id], removed: 1 });
		expect(bed.sandbox.requestsTo('/api/BlackListDelete')[0].params.ids_json).toEqual([id]);
		expect(bed.sandbox.data.dnd.map((entry) => entry.phone)).toEqual(['13800000001', '13800000003']);
	});

	it('fails an item when nothing was removed, and checks IDs before sending', async () => {
		const result = await bed.run(
			{ resource: 'doNotDisturb', operation: 'delete', deleteBy: 'ids', ids: '={{ $json.ids }}' },
			[{ ids: '999' }, { ids: '12,abc' }],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[1].map((item) => [item.json.error, item.pairedItem])).toEqual([
			['None of 999 was on the do-not-disturb list [item 0]', { item: 0 }],
			['Entry IDs: "abc" is not an entry ID [item 1]', { item: 1 }],
		]);
		expect(bed.sandbox.requestsTo('/api/BlackListDelete')).toHaveLength(1);
		expect(bed.sandbox.data.dnd).toHaveLength(3);
	});

	it('downloads the list as an Excel binary with a signed GET', async () => {
		const result = await bed.run({ resource: 'doNotDisturb', operation: 'download', binaryPropertyName: 'file' });
		const [item] = result.outputs[0];
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({ fileName: '防打扰名单.xlsx', mimeType: XLSX });
		expect(item.binary?.file).toMatchObject({ fileName: '防打扰名单.xlsx', mimeType: XLSX });
		const rows = readWorkbook(await bed.engine.binaryBuffer(item.binary!.file));
		expect(rows?.map((row) => row['电话'])).toEqual(['13800000001', '13800000002', '13800000003']);
		const [request] = bed.sandbox.requestsTo('/api/downloadBlacklistapi');
		expect(request.method).toBe('GET');
		expectSigned(request);
	});

	it('downloads selected entries only', async () => {
		const id = String(bed.sandbox.data.dnd[2].id);
		const result = await bed.run({ resource: 'doNotDisturb', operation: 'download', ids: id, binaryPropertyName: 'data' });
		const rows = readWorkbook(await bed.engine.binaryBuffer(result.outputs[0][0].binary!.data));
		expect(rows?.map((row) => row['电话'])).toEqual(['13800000003']);
		expect(bed.sandbox.requestsTo('/api/downloadBlacklistapi')[0].params.ids_json).toBe(JSON.stringify([id]));
	});
});

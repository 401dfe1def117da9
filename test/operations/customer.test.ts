import { buildWorkbook } from '../../sandbox/excel';
import type { InputItem } from '../harness/engine';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';
import { expectSigned } from '../helpers/signature';

const bed = useBed();

const PRIVATE_JSON = '/api/addCustomerJson';
const PUBLIC_JSON = '/api/addPublicCustomerJson';

const owner = () => bed.sandbox.data.subAccounts[0].user_sn;

async function importPrivate(items: InputItem[], extra: Record<string, unknown> = {}) {
	return await bed.run(
		{ resource: 'customer', operation: 'import', pool: 'private', source: 'json', columnMode: 'item', owner: { __rl: true, mode: 'id', value: owner() }, ...extra },
		items,
		{ onError: 'continueErrorOutput' },
	);
}

describe('Customer → Import from input items', () => {
	it('sends valid items together in one signed GET and keeps bad items apart', async () => {
		const result = await importPrivate([
			{ phone: '138 0013 8000', name: '张三', 地址: '深圳' },
			{ phone: 'unknown', name: '李四' },
			{ 电话: '13900139000', 姓名: '王五' },
		]);
		expect(jsonOf(result.outputs[0])).toEqual([{ pool: 'private', rows: 2, total: 2, imported: 2, failed: 0, duplicates: 0 }]);
		expect(result.outputs[0][0].pairedItem).toEqual([{ item: 0 }, { item: 2 }]);
		expect(result.outputs[1].map((item) => [item.json.error, item.pairedItem])).toEqual([['phone: "unknown" is not a phone number [item 1]', { item: 1 }]]);
		const [request] = bed.sandbox.requestsTo(PRIVATE_JSON);
		expect(request.method).toBe('GET');
		expect(request.paramOrder).toEqual(['url', 'user_sn', 'api_key', 'add_json', 'user_sn_input']);
		expectSigned(request);
		expect(JSON.parse(String(request.params.add_json))).toEqual({
			data: [
				{ 电话: '13800138000', 姓名: '张三', 地址: '深圳' },
				{ 电话: '13900139000', 姓名: '王五' },
			],
		});
		expect(bed.sandbox.data.customers.map((customer) => [customer.phone, customer.name, customer.isPrivate, customer.owner_sn])).toEqual([
			['13800138000', '张三', true, owner()],
			['13900139000', '王五', true, owner()],
		]);
	});

	it('maps columns when asked and reports duplicates', async () => {
		await importPrivate([{ phone: '13800138000' }]);
		const result = await importPrivate([{ who: 'A', tel: '13800138000' }], {
			columnMode: 'mapped',
			columns: { column: [{ name: '手机', value: '={{ $json.tel }}' }, { name: '姓名', value: '={{ $json.who }}' }] },
		});
		expect(JSON.parse(String(bed.sandbox.requestsTo(PRIVATE_JSON)[1].params.add_json))).toEqual({ data: [{ 电话: '13800138000', 姓名: 'A' }] });
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ imported: 0, duplicates: 1 });
	});

	it('refuses an item without a phone column before sending', async () => {
		const result = await importPrivate([{ name: 'nobody' }]);
		expect(result.outputs[1][0].json.error).toBe('Input Item: has no phone column [item 0]');
		expect(bed.sandbox.requestsTo(PRIVATE_JSON)).toHaveLength(0);
	});

	it('splits large batches so every GET stays under the query-size limit', async () => {
		const items = Array.from({ length: 60 }, (_, n) => ({ 电话: `1380000${String(n).padStart(4, '0')}`, 备注: '很长的备注'.repeat(5) }));
		const result = await importPrivate(items);
		const requests = bed.sandbox.requestsTo(PRIVATE_JSON);
		expect(requests.length).toBeGreaterThan(1);
		for (const request of requests) expect(encodeURIComponent(String(request.params.add_json)).length).toBeLessThanOrEqual(6000);
		expect(jsonOf(result.outputs[0]).reduce((sum, chunk) => sum + chunk.imported, 0)).toBe(60);
		expect(result.outputs[0].flatMap((item) => item.pairedItem as Array<{ item: number }>).map((pair) => pair.item)).toEqual(items.map((_, n) => n));
		expect(bed.sandbox.data.customers).toHaveLength(60);
	});

	it('turns a vendor error into one error item paired with every item of the request', async () => {
		const result = await importPrivate([{ phone: '13800138000' }, { phone: '13900139000' }], { owner: { __rl: true, mode: 'id', value: 'SYSUSER|nobody' } });
		expect(result.outputs[1]).toHaveLength(1);
		expect(result.outputs[1][0].json.error).toMatch(/\(Yunke code 30015\)$/);
		expect(result.outputs[1][0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		expect(bed.sandbox.data.customers).toHaveLength(0);
	});

	it('imports into the public pool and may take over private customers', async () => {
		await importPrivate([{ phone: '13800138000' }]);
		const result = await bed.run({ resource: 'customer', operation: 'import', pool: 'public', source: 'json', columnMode: 'item', takeOverPrivate: true }, [
			{ phone: '13800138000' },
		]);
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ pool: 'public', imported: 1 });
		expect(bed.sandbox.requestsTo(PUBLIC_JSON)[0].params).toMatchObject({ auto_ignore: '1' });
		expect(bed.sandbox.data.customers.map((customer) => customer.isPrivate)).toEqual([false]);
	});
});

describe('Customer → Import from Excel', () => {
	const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
	const file = () => ({ data: buildWorkbook([['姓名', '电话'], ['张三', '13800138000'], ['李四', '13900139000']]), fileName: 'crm.xlsx', mimeType: XLSX });

	it('uploads a private-pool file with the owner as a signed form field', async () => {
		const result = await bed.run(
			{ resource: 'customer', operation: 'import', pool: 'private', source: 'excel', binaryPropertyName: 'data', owner: { __rl: true, mode: 'list', value: owner() } },
			[{ json: {}, binary: { data: file() } }],
		);
		expect(jsonOf(result.outputs[0])).toEqual([{ pool: 'private', fileName: 'crm.xlsx', total: 2, imported: 2, failed: 0, duplicates: 0 }]);
		const [request] = bed.sandbox.requestsTo('/api/addCustomerJson').filter((call) => call.method === 'POST');
		expect(request.paramOrder).toEqual(['user_sn', 'api_key', 'user_sn_input', 'url']);
		expect(request.files[0]).toMatchObject({ field: 'upload', fileName: 'crm.xlsx' });
		expectSigned(request);
		expect(bed.sandbox.data.customers.map((customer) => customer.name)).toEqual(['张三', '李四']);
	});

	it('uploads a public-pool file with its origin', async () => {
		const result = await bed.run({ resource: 'customer', operation: 'import', pool: 'public', source: 'excel', binaryPropertyName: 'data', origin: -2 }, [
			{ json: {}, binary: { data: file() } },
		]);
		expect(result.status).toBe('success');
		expect(bed.sandbox.requestsTo('/api/importPublicCustomerExcle')[0].params).toMatchObject({ auto_ignore: '0', follow_set_id: '-2' });
		expect(bed.sandbox.data.customers.every((customer) => !customer.isPrivate)).toBe(true);
	});
});

describe('Customer → Get Many, Delete, Give Up, Share', () => {
	beforeEach(async () => {
		await importPrivate([{ phone: '13800000001', name: '甲' }, { phone: '13800000002', name: '乙' }]);
		await bed.run({ resource: 'customer', operation: 'import', pool: 'public', source: 'json', columnMode: 'item' }, [{ phone: '13800000003', name: '丙' }]);
		bed.sandbox.log = [];
	});

	it('lists a pool with the JSON search object in a signed GET', async () => {
		const result = await bed.run({
			resource: 'customer',
			operation: 'getMany',
			pool: 'private',
			returnAll: true,
			filters: { nameOrPhone: '乙', updatedFrom: '2000-01-01T00:00:00+08:00', updatedTo: '2099-12-31 23:59:59' },
		});
		expect(jsonOf(result.outputs[0]).map((customer) => [customer.phone, customer.name])).toEqual([['13800000002', '乙']]);
		const [request] = bed.sandbox.requestsTo('/api/customerList');
		expect(request.params.isPrivate).toBe('1');
		expect(JSON.parse(String(request.params.data))).toEqual({ namephone: '乙', updated_at_start: '2000-01-01 00:00:00', updated_at_end: '2099-12-31 23:59:59' });
		expectSigned(request);
		const publicPool = await bed.run({ resource: 'customer', operation: 'getMany', pool: 'public', returnAll: false, limit: 10 });
		expect(jsonOf(publicPool.outputs[0]).map((customer) => customer.phone)).toEqual(['13800000003']);
	});

	it('checks the date range before sending', async () => {
		const result = await bed.run(
			{ resource: 'customer', operation: 'getMany', pool: 'private', returnAll: true, filters: { updatedFrom: '2024-02-01', updatedTo: '2024-01-01' } },
			[{}],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[1][0].json.error).toMatch(/^Updated Before: .* is before Updated After .*\[item 0\]$/);
		expect(bed.sandbox.requestsTo('/api/customerList')).toHaveLength(0);
	});

	it('deletes public-pool customers and fails when none matched', async () => {
		const result = await bed.run({ resource: 'customer', operation: 'delete', phones: '={{ $json.phones }}' }, [{ phones: '13800000003' }, { phones: '13800000001' }], {
			onError: 'continueErrorOutput',
		});
		expect(jsonOf(result.outputs[0])).toEqual([{ deleted: true, phones: ['13800000003'], removed: 1, notFound: 0 }]);
		expect(result.outputs[1][0].json.error).toBe('None of 13800000001 is a customer in the public pool [item 1]');
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 1 });
		expect(bed.sandbox.data.customers.map((customer) => customer.phone)).toEqual(['13800000001', '13800000002']);
		expectSigned(bed.sandbox.requestsTo('/api/deleteOpen')[0]);
	});

	it('gives private customers up to the public pool', async () => {
		const result = await bed.run({ resource: 'customer', operation: 'giveUp', phones: '13800000001' });
		expect(jsonOf(result.outputs[0])).toEqual([{ gaveUp: true, phones: ['13800000001'] }]);
		expect(bed.sandbox.data.customers.find((customer) => customer.phone === '13800000001')).toMatchObject({ isPrivate: false, owner_sn: '' });
		expect(bed.sandbox.requestsTo('/api/giveUp')[0].params.phone).toBe('13800000001');
	});

	it('shares private customers with collaborators', async () => {
		const collaborator = bed.sandbox.data.subAccounts[1].user_sn;
		const result = await bed.run({ resource: 'customer', operation: 'share', phones: '13800000001,13800000002', collaborators: { __rl: true, mode: 'list', value: collaborator } });
		expect(jsonOf(result.outputs[0])).toEqual([{ shared: true, phones: ['13800000001', '13800000002'], collaborators: [collaborator] }]);
		const [request] = bed.sandbox.requestsTo('/api/updateFollowUser');
		expect(request.params).toMatchObject({ phone: '13800000001,13800000002', follow_user_sn: collaborator });
		expectSigned(request);
		expect(bed.sandbox.data.customers.filter((customer) => customer.isPrivate).map((customer) => customer.follow_user_sn)).toEqual([[collaborator], [collaborator]]);
	});

	it('refuses a bad phone number before sending', async () => {
		const result = await bed.run({ resource: 'customer', operation: 'giveUp', phones: '13800000001, x1' }, [{}], { onError: 'continueErrorOutput' });
		expect(result.outputs[1][0].json.error).toBe('Phone Numbers: "x1" is not a phone number [item 0]');
		expect(bed.sandbox.requestsTo('/api/giveUp')).toHaveLength(0);
	});
});

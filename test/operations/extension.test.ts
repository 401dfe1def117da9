import { ROOT_ORGANIZATION_ID } from '../../sandbox/seed';
import { DEMO_LOGIN, passwordCredential, RawClient } from '../helpers/sandbox';
import { jsonOf, type YunkeTestBed } from '../helpers/yunke';
import { useBed } from '../helpers/bed';
import { expectSigned, expectSignedForm } from '../helpers/signature';

const bed = useBed();

const SECRET = 'S3cret-Pa55';

function createParams(overrides: Record<string, unknown> = {}) {
	return {
		resource: 'extension',
		operation: 'create',
		username: 'agent03',
		contact: '张三',
		password: SECRET,
		confirmPassword: SECRET,
		extension: '8003',
		aiSeats: 4,
		roleId: 62,
		additionalFields: { inboundNumber: '0755-1234 5678' },
		...overrides,
	};
}

const CREATE = '/api/aiUserSaveapi';

describe('Extension → Create', () => {
	it('sends the seat form in the documented order, signed, and returns the seat without the password', async () => {
		const result = await bed.run(createParams());
		expect(result.status).toBe('success');
		const [request] = bed.sandbox.requestsTo(CREATE);
		expectSignedForm(request, ['user_name', 'contact', 'password', 're_password', 'organization_id', 'role_id', 'max_call_count', 'ext', 'callin_phone']);
		expect(request.params).toMatchObject({
			user_name: 'agent03',
			contact: '张三',
			password: SECRET,
			re_password: SECRET,
			organization_id: ROOT_ORGANIZATION_ID,
			role_id: 62,
			max_call_count: 4,
			ext: '8003',
			callin_phone: '075512345678',
		});

		const [item] = result.outputs[0];
		expect(item.pairedItem).toEqual({ item: 0 });
		const created = bed.sandbox.data.subAccounts.find((account) => account.user_name === 'agent03');
		expect(item.json).toEqual({
			user_name: 'agent03',
			contact: '张三',
			organization_id: ROOT_ORGANIZATION_ID,
			role_id: 62,
			max_call_count: 4,
			ext: '8003',
			callin_phone: '075512345678',
			user_sn: created?.user_sn,
		});
		expect(JSON.stringify(item.json)).not.toContain(SECRET);
		expect(created).toMatchObject({ ext: '8003', callin_phone: '075512345678', max_call_count: 4, role_id: 62, password: SECRET });
	});

	it('sends an empty inbound number when none is given, and extra vendor fields last', async () => {
		const result = await bed.run(createParams({ additionalFields: {}, extraFields: '{"wangwang":"w1"}' }));
		expect(result.status).toBe('success');
		const [request] = bed.sandbox.requestsTo(CREATE);
		expect(request.params.callin_phone).toBe('');
		expect(request.paramOrder.slice(-2)).toEqual(['wangwang', 'url']);
		expect(bed.sandbox.data.subAccounts.find((account) => account.user_name === 'agent03')?.wangwang).toBe('w1');
	});

	const invalid: Array<[string, Record<string, unknown>, RegExp]> = [
		['an extension number with a dash', { extension: '80-03' }, /^Extension Number: "80-03" may contain only letters and digits \[item 1\]$/],
		['an empty extension number', { extension: ' ' }, /^Extension Number: is empty \[item 1\]$/],
		['a username with a space', { username: 'agent 03' }, /^Username: "agent 03" may contain only letters and digits \[item 1\]$/],
		['a differing confirmation', { confirmPassword: 'other-Pa55' }, /^Confirm Password: does not match Password \[item 1\]$/],
		['an empty password', { password: '', confirmPassword: '' }, /^Password: is empty \[item 1\]$/],
		['negative AI seats', { aiSeats: -1 }, /^AI Seats: "-1" is not a whole number at least 0 \[item 1\]$/],
		['fractional AI seats', { aiSeats: 1.5 }, /^AI Seats: "1.5" is not a whole number at least 0 \[item 1\]$/],
		['an inbound number that is not a phone number', { additionalFields: { inboundNumber: 'front desk' } }, /^Inbound Number: "front desk" is not a phone number \[item 1\]$/],
		['no role', { roleId: '' }, /^Role: "" is not a whole number at least 1 \[item 1\]$/],
		['extra vendor fields that are not JSON', { extraFields: '{oops' }, /^Extra Vendor Fields \(JSON\): is not valid JSON \[item 1\]$/],
	];

	it.each(invalid)('rejects %s locally: nothing is sent, the error item keeps pairedItem', async (_case, overrides, message) => {
		const items = [{ n: 0 }, { n: 1 }];
		// Item 0 is valid, item 1 carries the bad value through an expression.
		const params = createParams();
		const bad = { ...params, ...overrides } as Record<string, unknown>;
		const parameters: Record<string, unknown> = { ...params };
		const pick = (key: string, value: unknown, good: unknown) => `={{ $json.n === 1 ? ${JSON.stringify(value)} : ${JSON.stringify(good ?? '')} }}`;
		for (const [key, value] of Object.entries(overrides)) {
			if (key === 'additionalFields') {
				const inbound = (value as { inboundNumber?: string }).inboundNumber;
				parameters.additionalFields = { inboundNumber: pick(key, inbound, params.additionalFields.inboundNumber) };
			} else {
				parameters[key] = pick(key, value, (params as Record<string, unknown>)[key]);
			}
		}
		parameters.username = `={{ $json.n === 1 ? ${JSON.stringify(bad.username)} : "agent04" }}`;
		parameters.extension = `={{ $json.n === 1 ? ${JSON.stringify(bad.extension)} : "8004" }}`;
		const result = await bed.run(parameters as never, items, { onError: 'continueErrorOutput' });
		expect(result.status).toBe('success');
		expect(jsonOf(result.outputs[0]).map((json) => json.user_name)).toEqual(['agent04']);
		const [errorItem] = result.outputs[1];
		expect(errorItem.pairedItem).toEqual({ item: 1 });
		expect(errorItem.json.error).toMatch(message);
		expect(JSON.stringify(errorItem.json)).not.toContain(SECRET);
		expect(bed.sandbox.requestsTo(CREATE)).toHaveLength(1);
		expect(bed.sandbox.data.subAccounts.map((account) => account.user_name)).toEqual(['agent01', 'agent02', 'agent04']);
	});

	it('fails the execution on bad input without Continue On Fail, and sends nothing', async () => {
		const result = await bed.run(createParams({ extension: '80 03' }));
		expect(result.status).toBe('error');
		expect(result.nodeError?.message).toBe('Extension Number: "80 03" may contain only letters and digits [item 0]');
		expect(bed.sandbox.requestsTo(CREATE)).toHaveLength(0);
	});

	const vendorCases: Array<[number, string, Record<string, unknown>, (bed: YunkeTestBed) => void, string]> = [
		[40002, 'an extension number in use', { extension: '8001' }, () => undefined, 'The extension number already exists (Yunke code 40002)'],
		[
			40003,
			'the extension quota reached',
			{},
			(current) => (current.sandbox.data.account.extensionQuota = 2),
			'The account has reached its extension limit (Yunke code 40003)',
		],
		[40006, 'a taken username', { username: 'agent01' }, () => undefined, 'The username is already taken (Yunke code 40006)'],
		[
			40007,
			'an inbound number in use',
			{},
			(current) => (current.sandbox.data.subAccounts[0].callin_phone = '075512345678'),
			'The inbound number is already in use (Yunke code 40007)',
		],
		// 20 AI seats, 5 + 3 allotted in the seed: 12 are free.
		[40008, 'more AI seats than are free', { aiSeats: 13 }, () => undefined, 'More AI seats were requested than the account has free (Yunke code 40008)'],
	];

	it.each(vendorCases)('maps vendor code %i (%s) to an English error item', async (code, _case, overrides, arrange, message) => {
		arrange(bed);
		const before = bed.sandbox.data.subAccounts.length;
		const result = await bed.run(createParams(overrides), [{}], { onError: 'continueErrorOutput' });
		expect(result.outputs[0] ?? []).toHaveLength(0);
		const [errorItem] = result.outputs[1];
		expect(errorItem.pairedItem).toEqual({ item: 0 });
		expect(errorItem.json.error).toBe(message);
		expect(JSON.stringify(errorItem.json)).not.toContain(SECRET);
		expect(bed.sandbox.requestsTo(CREATE)[0].answer).toMatchObject({ code });
		expect(bed.sandbox.data.subAccounts).toHaveLength(before);
	});

	it('accepts exactly the free AI seats', async () => {
		const result = await bed.run(createParams({ aiSeats: 12 }));
		expect(result.status).toBe('success');
		expect(jsonOf(result.outputs[0])[0].max_call_count).toBe(12);
	});

	it('reports a telephony switch failure (40004) as the node error without Continue On Fail', async () => {
		bed.sandbox.injectFault({ path: CREATE, action: { type: 'code', code: 40004 } });
		const result = await bed.run(createParams());
		expect(result.status).toBe('error');
		expect(result.nodeError?.message).toBe('The telephony switch did not accept the extension (Yunke code 40004)');
	});
});

describe('Extension → sandbox form checks a raw client can reach', () => {
	const form = {
		user_name: 'raw01',
		contact: 'Raw',
		password: 'p1',
		re_password: 'p1',
		organization_id: 1,
		role_id: 61,
		max_call_count: 0,
		ext: '8100',
		callin_phone: '',
	};

	it.each([
		[40001, { ext: '81-00' }],
		[40005, { user_name: 'raw_01' }],
		[40009, { re_password: 'p2' }],
		[20002, { contact: '' }],
	])('answers %i', async (code, change) => {
		const client = new RawClient(passwordCredential(bed.sandbox, { username: DEMO_LOGIN.username }));
		await client.login();
		const response = await client.call('POST', CREATE, { ...form, ...change });
		expect(response.data).toMatchObject({ code });
		expect(bed.sandbox.data.subAccounts.some((account) => account.user_name === 'raw01' || account.user_name === 'raw_01')).toBe(false);
	});
});

describe('Extension → Get Many', () => {
	beforeEach(() => {
		bed.sandbox.data.subAccounts.push({ ...bed.sandbox.data.subAccounts[0], id: 9, user_sn: 'SYSUSER|noext', user_name: 'office01', ext: '' });
	});

	it('lists only sub-accounts with an extension, simplified to the seat fields', async () => {
		const result = await bed.run({ resource: 'extension', operation: 'getMany', returnAll: true });
		const seats = jsonOf(result.outputs[0]);
		expect(seats).toEqual([
			{ user_sn: bed.sandbox.data.subAccounts[0].user_sn, user_name: 'agent01', contact: '王小明', ext: '8001', callin_phone: '', max_call_count: 5 },
			{ user_sn: bed.sandbox.data.subAccounts[1].user_sn, user_name: 'agent02', contact: '李华', ext: '8002', callin_phone: '', max_call_count: 3 },
		]);
		expect(result.outputs[0].every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		const [list] = bed.sandbox.requestsTo('/api/aiUserDatasapi');
		expect(list.paramOrder).toEqual(['user_sn', 'api_key', 'pageIndex', 'pageSize', 'url']);
		expectSigned(list);
	});

	it('applies the username filter and the limit, and returns raw records without passwords', async () => {
		const result = await bed.run({ resource: 'extension', operation: 'getMany', returnAll: false, limit: 1, filters: { username: 'agent' }, simplify: false });
		const seats = jsonOf(result.outputs[0]);
		expect(seats).toHaveLength(1);
		expect(seats[0]).toMatchObject({ user_name: 'agent01', ext: '8001', sipname: 'mo8001', job: '坐席' });
		expect(seats[0].password).toBeUndefined();
		expect(bed.sandbox.requestsTo('/api/aiUserDatasapi')[0].params.user_name).toBe('agent');
	});

	it('walks every page', async () => {
		for (let n = 0; n < 7; n++) {
			bed.sandbox.data.subAccounts.push({ ...bed.sandbox.data.subAccounts[0], id: 100 + n, user_name: `bulk${n}`, ext: `90${n}` });
		}
		const result = await bed.run({ resource: 'extension', operation: 'getMany', returnAll: true });
		expect(jsonOf(result.outputs[0])).toHaveLength(9);
	});
});

describe('Extension → Update', () => {
	const UPDATE = '/api/aiUserUpdateapi';
	/** every update sends the password and the role (2.1.4); the seeded seats' current ones keep them */
	const KEEP = { password: 'agent-Pa55', confirmPassword: 'agent-Pa55', roleId: 61 };

	it('sends only the changed seat fields, keyed by username, and updates the seat', async () => {
		const result = await bed.run({
			resource: 'extension',
			operation: 'update',
			account: { __rl: true, mode: 'list', value: 'agent02' },
			updateFields: { extension: '8012', inboundNumber: '13800138000', aiSeats: 6, password: SECRET, confirmPassword: SECRET, roleId: 61 },
		});
		expect(result.status).toBe('success');
		const [request] = bed.sandbox.requestsTo(UPDATE);
		expect(request.paramOrder).toEqual(['user_sn', 'api_key', 'user_name', 'contact', 'password', 're_password', 'organization_id', 'role_id', 'max_call_count', 'ext', 'callin_phone', 'url']);
		expectSigned(request);
		const [item] = result.outputs[0];
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toEqual({ user_name: 'agent02', max_call_count: 6, role_id: 61, ext: '8012', callin_phone: '13800138000', user_sn: bed.sandbox.data.subAccounts[1].user_sn });
		expect(bed.sandbox.data.subAccounts[1]).toMatchObject({ ext: '8012', callin_phone: '13800138000', max_call_count: 6, password: SECRET, contact: '李华' });
	});

	it('counts the seat’s own AI seats as free when it changes them (40008 only beyond)', async () => {
		// 20 seats: agent01 holds 5, agent02 holds 3, so agent02 may grow to 15 but not 16.
		const ok = await bed.run({ resource: 'extension', operation: 'update', account: { __rl: true, mode: 'id', value: 'agent02' }, updateFields: { aiSeats: 15, ...KEEP } });
		expect(ok.status).toBe('success');
		const over = await bed.run(
			{ resource: 'extension', operation: 'update', account: { __rl: true, mode: 'id', value: 'agent01' }, updateFields: { aiSeats: 6, ...KEEP } },
			[{}],
			{ onError: 'continueErrorOutput' },
		);
		expect(over.outputs[1][0].json.error).toBe('More AI seats were requested than the account has free (Yunke code 40008)');
		expect(bed.sandbox.data.subAccounts[0].max_call_count).toBe(5);
	});

	it('rejects a duplicate extension number with the vendor code', async () => {
		const result = await bed.run(
			{ resource: 'extension', operation: 'update', account: { __rl: true, mode: 'id', value: 'agent02' }, updateFields: { extension: '8001', ...KEEP } },
			[{}],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[1][0].json.error).toBe('The extension number already exists (Yunke code 40002)');
	});

	it.each([
		[{ password: SECRET }, /^Confirm Password: does not match Password \[item 0\]$/],
		[{ extension: '' }, /^Extension Number: is empty \[item 0\]$/],
		[{ inboundNumber: 'abc' }, /^Inbound Number: "abc" is not a phone number \[item 0\]$/],
		[{}, /^Update Fields: no field to change was given \[item 0\]$/],
	])('checks %j locally and sends nothing', async (updateFields, message) => {
		const result = await bed.run(
			{ resource: 'extension', operation: 'update', account: { __rl: true, mode: 'id', value: 'agent02' }, updateFields },
			[{}],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[1][0].json.error).toMatch(message);
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 0 });
		expect(bed.sandbox.requestsTo(UPDATE)).toHaveLength(0);
	});
});

describe('Extension → Delete', () => {
	const DELETE = '/api/aiUserDeleteapi';

	it('deletes by username with the documented pkey and reports deleted: true', async () => {
		const result = await bed.run({ resource: 'extension', operation: 'delete', account: { __rl: true, mode: 'list', value: 'agent01' } });
		expect(jsonOf(result.outputs[0])).toEqual([{ deleted: true, username: 'agent01' }]);
		expect(result.outputs[0][0].pairedItem).toEqual({ item: 0 });
		const [request] = bed.sandbox.requestsTo(DELETE);
		expect(request.params).toMatchObject({ pkey: 'user_name', entityInstanceId: ['agent01'] });
		expect(request.answer).toEqual({ rst: '200', msg: '', success_num: 1, not_allowed: 0, fail_num: 0 });
		expectSigned(request);
		expect(bed.sandbox.data.subAccounts.map((account) => account.user_name)).toEqual(['agent02']);
	});

	it('reports an unknown username as an error item instead of a silent success', async () => {
		const result = await bed.run(
			{ resource: 'extension', operation: 'delete', account: { __rl: true, mode: 'id', value: 'ghost' } },
			[{}],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[1][0].json.error).toBe('"ghost" was not deleted [item 0]');
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 0 });
	});

	it('refuses a username with symbols before sending', async () => {
		const result = await bed.run(
			{ resource: 'extension', operation: 'delete', account: { __rl: true, mode: 'id', value: '={{ "a,b" }}' } },
			[{}],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[1][0].json.error).toBe('Extension: "a,b" may contain only letters and digits [item 0]');
		expect(bed.sandbox.requestsTo(DELETE)).toHaveLength(0);
	});
});

import { ROOT_ORGANIZATION_ID } from '../../sandbox/seed';
import { DEMO_LOGIN, passwordCredential, RawClient } from '../helpers/sandbox';
import { jsonOf, yunkeTestBed, type YunkeTestBed } from '../helpers/yunke';

let bed: YunkeTestBed;
beforeAll(async () => (bed = await yunkeTestBed()));
afterAll(async () => await bed.close());
beforeEach(() => {
	bed.sandbox.reset();
	bed.coldCredential();
});

const CREATE = '/api/aiUserSaveapi';
const UPDATE = '/api/aiUserUpdateapi';
const newSeat = (resource: 'subAccount' | 'extension') => ({
	resource,
	operation: 'create',
	username: 'office01',
	contact: 'Office',
	password: 'pw-Secret-1',
	confirmPassword: 'pw-Secret-1',
	aiSeats: 0,
	roleId: 61,
	...(resource === 'extension' ? { extension: '8077' } : {}),
});

describe('Sub-Account / Extension → Create without an organisation (2.1.2, root not always 1)', () => {
	it.each(['subAccount', 'extension'] as const)('%s: takes organization_id from an existing sub-account', async (resource) => {
		expect(ROOT_ORGANIZATION_ID).not.toBe(1);
		const result = await bed.run(newSeat(resource));
		expect(result.status).toBe('success');
		expect(bed.sandbox.requestsTo(CREATE)[0].params.organization_id).toBe(ROOT_ORGANIZATION_ID);
		expect(bed.sandbox.data.subAccounts.find((account) => account.user_name === 'office01')?.organization_id).toBe(ROOT_ORGANIZATION_ID);
	});

	it('looks the organisation up once per run, not once per item', async () => {
		const result = await bed.run({ ...newSeat('subAccount'), username: '={{ "seat" + $json.n }}' }, [{ n: 1 }, { n: 2 }, { n: 3 }]);
		expect(result.status).toBe('success');
		expect(bed.sandbox.requestsTo(CREATE).map((call) => call.params.organization_id)).toEqual([216, 216, 216]);
		expect(bed.sandbox.requestsTo('/api/aiUserDatasapi')).toHaveLength(1);
	});

	it('with no sub-account to take it from, fails clearly and creates nothing', async () => {
		bed.sandbox.data.subAccounts = [];
		const result = await bed.run(newSeat('subAccount'));
		expect(result.error?.message).toBe('Organization ID: there is no existing sub-account to take it from [item 0]');
		expect(bed.sandbox.requestsTo(CREATE)).toHaveLength(0);
	});
});

describe('Sub-Account → Update sends the complete required form (2.1.4)', () => {
	it('merges the change over the current record; the password fields go empty and the password stays', async () => {
		const before = { ...bed.sandbox.data.subAccounts[0] };
		const result = await bed.run({ resource: 'subAccount', operation: 'update', account: { __rl: true, mode: 'id', value: before.user_name }, updateFields: { aiSeats: 2 } });
		expect(result.status).toBe('success');
		const [request] = bed.sandbox.requestsTo(UPDATE);
		expect(request.params).toMatchObject({
			user_name: before.user_name,
			contact: before.contact,
			password: '',
			re_password: '',
			organization_id: ROOT_ORGANIZATION_ID,
			role_id: before.role_id,
			max_call_count: 2,
		});
		expect(bed.sandbox.requestsTo('/api/aiUserDatasapi')[0].params).toMatchObject({ user_name: before.user_name });
		expect(bed.sandbox.data.subAccounts[0]).toMatchObject({ max_call_count: 2, password: before.password, contact: before.contact });
		expect(jsonOf(result.outputs[0])[0]).toEqual({ user_name: before.user_name, max_call_count: 2, user_sn: before.user_sn, ext: before.ext });
	});

	it('a new password is sent in both fields and changes it', async () => {
		const name = bed.sandbox.data.subAccounts[0].user_name;
		await bed.run({ resource: 'subAccount', operation: 'update', account: { __rl: true, mode: 'id', value: name }, updateFields: { password: 'n3w-Pass', confirmPassword: 'n3w-Pass' } });
		expect(bed.sandbox.requestsTo(UPDATE)[0].params).toMatchObject({ password: 'n3w-Pass', re_password: 'n3w-Pass' });
		expect(bed.sandbox.data.subAccounts[0].password).toBe('n3w-Pass');
	});

	it('the sandbox refuses an update without the whole form, as the docs require', async () => {
		const client = new RawClient(passwordCredential(bed.sandbox, { username: DEMO_LOGIN.username }));
		await client.login();
		const response = await client.call('POST', UPDATE, { user_name: bed.sandbox.data.subAccounts[0].user_name, contact: 'Only this' });
		expect(response.data).toMatchObject({ code: 20002 });
		expect(bed.sandbox.data.subAccounts[0].contact).not.toBe('Only this');
	});
});

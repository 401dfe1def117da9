import type { INodeParameters } from 'n8n-workflow';

import { ROOT_ORGANIZATION_ID } from '../../sandbox/seed';
import { DEMO_LOGIN, passwordCredential, RawClient } from '../helpers/sandbox';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';

const bed = useBed();

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
	const update = (updateFields: INodeParameters, value = bed.sandbox.data.subAccounts[0].user_name): INodeParameters => ({
		resource: 'subAccount',
		operation: 'update',
		account: { __rl: true, mode: 'id', value },
		updateFields,
	});
	const KEEP_PASSWORD = { password: 'agent-Pa55', confirmPassword: 'agent-Pa55' };

	it('on a tenant whose list rows show the role: merges the change over the current record, the role taken from the row', async () => {
		bed.sandbox.shapes.subAccountRowRole = 'present';
		const before = { ...bed.sandbox.data.subAccounts[0] };
		const result = await bed.run(update({ aiSeats: 2, ...KEEP_PASSWORD }));
		expect(result.status).toBe('success');
		const [request] = bed.sandbox.requestsTo(UPDATE);
		expect(request.params).toMatchObject({
			user_name: before.user_name,
			contact: before.contact,
			password: 'agent-Pa55',
			re_password: 'agent-Pa55',
			organization_id: ROOT_ORGANIZATION_ID,
			role_id: before.role_id,
			max_call_count: 2,
		});
		expect(bed.sandbox.requestsTo('/api/aiUserDatasapi')[0].params).toMatchObject({ user_name: before.user_name });
		expect(bed.sandbox.data.subAccounts[0]).toMatchObject({ max_call_count: 2, password: before.password, contact: before.contact });
		expect(jsonOf(result.outputs[0])[0]).toEqual({ user_name: before.user_name, max_call_count: 2, user_sn: before.user_sn, ext: before.ext });
	});

	it('list rows without a role (the public 2.1.1 sample): Role is asked for, clearly, before anything is written', async () => {
		const result = await bed.run(update({ aiSeats: 2, ...KEEP_PASSWORD }), [{}], { onError: 'continueErrorOutput' });
		expect(result.outputs[1].map((item) => [item.json.error, item.pairedItem])).toEqual([
			[`Role: Yunke's sub-account list does not show the role of "agent01", and every update must send it (2.1.4) [item 0]`, { item: 0 }],
		]);
		expect(result.outputs[1][0].error?.description).toBe('Choose the account\'s role under Update Fields → Role (Yunke lists its job as "坐席"): its current role keeps it. Nothing was sent.');
		expect(bed.sandbox.requestsTo(UPDATE)).toHaveLength(0);
		expect(bed.sandbox.data.subAccounts[0].max_call_count).toBe(5);
	});

	it('list rows without a role, Role given: the update goes through with it', async () => {
		const result = await bed.run(update({ aiSeats: 2, roleId: 61, ...KEEP_PASSWORD }));
		expect(result.status).toBe('success');
		expect(bed.sandbox.requestsTo(UPDATE)[0].params).toMatchObject({ role_id: 61, max_call_count: 2 });
		expect(bed.sandbox.data.subAccounts[0]).toMatchObject({ role_id: 61, max_call_count: 2 });
	});

	it('without the password (2.1.4 requires it, and no value that keeps it is documented): a clear error, nothing sent', async () => {
		const result = await bed.run(update({ aiSeats: 2, roleId: 61 }), [{}], { onError: 'continueErrorOutput' });
		expect(result.outputs[1][0].json.error).toBe(
			'Password: is required for every update: Yunke requires the password and its confirmation on each change of an account (2.1.4) [item 0]',
		);
		expect(result.outputs[1][0].error?.description).toContain('the current password of "agent01" keeps it, a new one changes it');
		expect(bed.sandbox.log).toEqual([]);
	});

	it('a new password is sent in both fields and changes it', async () => {
		const name = bed.sandbox.data.subAccounts[0].user_name;
		await bed.run(update({ password: 'n3w-Pass', confirmPassword: 'n3w-Pass', roleId: 61 }, name));
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

import type { INodeParameters } from 'n8n-workflow';

import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';
import { expectSigned, expectSignedForm } from '../helpers/signature';

const bed = useBed();

describe('Sub-Account → Get Many', () => {
	it('returns simplified sub-accounts with pairedItem and a signed request', async () => {
		const result = await bed.run({ resource: 'subAccount', operation: 'getMany', returnAll: true });
		const accounts = jsonOf(result.outputs[0]);
		expect(accounts.map((account) => account.user_name)).toEqual(['agent01', 'agent02']);
		expect(Object.keys(accounts[0]).sort()).toEqual(
			// the strict tenant's rows carry no role_id, as the public 2.1.1 sample
			['callin_phone', 'contact', 'ext', 'job', 'last_login_time', 'max_call_count', 'skillgroup_sn', 'user_name', 'user_sn'].sort(),
		);
		expect(result.outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expectSigned(bed.sandbox.requestsTo('/api/aiUserDatasapi')[0]);
	});

	it('filters by username per item and honours the limit', async () => {
		const result = await bed.run(
			{ resource: 'subAccount', operation: 'getMany', returnAll: false, limit: 5, filters: { username: '={{ $json.name }}' }, simplify: false },
			[{ name: '02' }, { name: 'agent' }],
		);
		const accounts = jsonOf(result.outputs[0]);
		expect(accounts.map((account) => account.user_name)).toEqual(['agent02', 'agent01', 'agent02']);
		expect(result.outputs[0].map((item) => (item.pairedItem as { item: number }).item)).toEqual([0, 1, 1]);
		expect(accounts[0].password).toBeUndefined();
		expect(bed.sandbox.requestsTo('/api/aiUserDatasapi').map((entry) => entry.params.user_name)).toEqual(['02', 'agent']);
	});
});

/** Sub-Account → Create of `office01` with these additional fields. */
const createParams = (additionalFields: INodeParameters): INodeParameters => ({
	resource: 'subAccount',
	operation: 'create',
	username: 'office01',
	contact: 'Office',
	password: 'pw-1',
	confirmPassword: 'pw-1',
	aiSeats: 0,
	roleId: 61,
	additionalFields,
});

describe('Sub-Account → Create', () => {
	it('sends the documented form without extension fields when none are given', async () => {
		const result = await bed.run(createParams({ organizationId: 3 }));
		expect(result.status).toBe('success');
		const [request] = bed.sandbox.requestsTo('/api/aiUserSaveapi');
		expectSignedForm(request, ['user_name', 'contact', 'password', 're_password', 'organization_id', 'role_id', 'max_call_count']);
		const created = bed.sandbox.data.subAccounts[2];
		expect(jsonOf(result.outputs[0])).toEqual([
			{ user_name: 'office01', contact: 'Office', organization_id: 3, role_id: 61, max_call_count: 0, user_sn: created.user_sn, ext: '' },
		]);
		expect(created).toMatchObject({ user_name: 'office01', organization_id: 3, ext: '' });
	});

	it('passes an optional extension through the same checks as Extension → Create', async () => {
		const result = await bed.run(createParams({ extension: '80#1' }), [{}], { onError: 'continueErrorOutput' });
		expect(result.outputs[1][0].json.error).toBe('Extension Number: "80#1" may contain only letters and digits [item 0]');
		expect(bed.sandbox.requestsTo('/api/aiUserSaveapi')).toHaveLength(0);
	});
});

describe('Sub-Account → Update', () => {
	it('changes the name and role, and may give up the extension', async () => {
		const result = await bed.run({
			resource: 'subAccount',
			operation: 'update',
			account: { __rl: true, mode: 'list', value: 'agent01' },
			updateFields: { contact: '王大明', roleId: 62, extension: '', password: 'agent-Pa55', confirmPassword: 'agent-Pa55' },
		});
		const [request] = bed.sandbox.requestsTo('/api/aiUserUpdateapi');
		expectSignedForm(request, ['user_name', 'contact', 'password', 're_password', 'organization_id', 'role_id', 'max_call_count', 'ext']);
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ user_name: 'agent01', contact: '王大明', role_id: 62, ext: '' });
		expect(bed.sandbox.data.subAccounts[0]).toMatchObject({ contact: '王大明', role_id: 62, ext: '', max_call_count: 5 });
	});

	it('reports an unknown account from the vendor as an error item', async () => {
		const result = await bed.run(
			{ resource: 'subAccount', operation: 'update', account: { __rl: true, mode: 'id', value: 'ghost' }, updateFields: { contact: 'x', password: 'pw-1', confirmPassword: 'pw-1' } },
			[{}],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[1][0].json.error).toMatch(/\(Yunke code 20002\)$/);
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 0 });
	});
});

describe('Sub-Account → Delete', () => {
	it('deletes each item’s account and keeps pairedItem', async () => {
		const result = await bed.run(
			{ resource: 'subAccount', operation: 'delete', account: { __rl: true, mode: 'id', value: '={{ $json.name }}' } },
			[{ name: 'agent02' }, { name: 'agent01' }],
		);
		expect(jsonOf(result.outputs[0])).toEqual([
			{ deleted: true, username: 'agent02' },
			{ deleted: true, username: 'agent01' },
		]);
		expect(result.outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(bed.sandbox.data.subAccounts).toHaveLength(0);
		expect(bed.sandbox.requestsTo('/api/aiUserDeleteapi').map((entry) => entry.params.entityInstanceId)).toEqual([['agent02'], ['agent01']]);
	});
});

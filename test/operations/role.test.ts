import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';
import { expectSigned } from '../helpers/signature';

const bed = useBed();

describe('Role', () => {
	it('Get Many lists roles with the name filter as the documented data object', async () => {
		const all = await bed.run({ resource: 'role', operation: 'getMany', returnAll: true });
		expect(jsonOf(all.outputs[0]).map((role) => [role.id, role.name])).toEqual([
			[61, '子账号'],
			[62, '坐席'],
		]);
		const filtered = await bed.run({ resource: 'role', operation: 'getMany', returnAll: false, limit: 5, filters: { name: '子' } });
		expect(jsonOf(filtered.outputs[0]).map((role) => role.id)).toEqual([61]);
		const request = bed.sandbox.requestsTo('/api/roleGetapi')[1];
		expect(request.params).toMatchObject({ data: { name: '子' }, pageIndex: 0, pageSize: 5 });
		expectSigned(request);
	});

	it('Create sends name, description and permission ids, then reports the new id', async () => {
		const result = await bed.run({ resource: 'role', operation: 'create', name: '质检员', description: '听录音', permissions: [103, 100] });
		const [request] = bed.sandbox.requestsTo('/api/doRoleAddapi');
		expect(request.paramOrder).toEqual(['user_sn', 'api_key', 'rolename', 'description', 'permission', 'url']);
		expect(request.params.permission).toEqual([103, 100]);
		expectSigned(request);
		const created = bed.sandbox.data.roles.find((role) => role.name === '质检员');
		expect(created?.perms).toEqual([103, 100]);
		expect(jsonOf(result.outputs[0])).toEqual([{ id: created?.id, name: '质检员', description: '听录音', permissions: [103, 100] }]);
		expect(result.outputs[0][0].pairedItem).toEqual({ item: 0 });
	});

	it('Create refuses an empty permission list before sending, and maps an unknown permission from the vendor', async () => {
		const result = await bed.run(
			{ resource: 'role', operation: 'create', name: '={{ $json.name }}', description: 'd', permissions: '={{ $json.perms }}' },
			[
				{ name: 'a', perms: [] },
				{ name: 'b', perms: [999] },
			],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[1].map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Permissions: none were chosen [item 0]', { item: 0 }],
			[expect.stringMatching(/\(Yunke code 30008\)$/), { item: 1 }],
		]);
		expect(bed.sandbox.requestsTo('/api/doRoleAddapi')).toHaveLength(1);
	});

	it('Get returns the role without the permission catalogue when simplified', async () => {
		const result = await bed.run({ resource: 'role', operation: 'get', roleId: 61 });
		expect(jsonOf(result.outputs[0])).toEqual([{ name: '子账号', display_name: '子账号', description: '子账号', perms: [100, 101], id: 61 }]);
		expect(bed.sandbox.requestsTo('/api/roleEditapi')[0].params.id).toBe(61);
		const raw = await bed.run({ resource: 'role', operation: 'get', roleId: 61, simplify: false });
		expect(jsonOf(raw.outputs[0])[0].permissionAll['0'].length).toBeGreaterThan(0);
	});

	it('Get accepts the documented answer of 3.5: the bare role object, without code or data', async () => {
		const result = await bed.run({ resource: 'role', operation: 'get', roleId: 62 });
		expect(result.status).toBe('success');
		const [answer] = bed.sandbox.requestsTo('/api/roleEditapi').map((call) => call.answer as Record<string, unknown>);
		expect(answer).not.toHaveProperty('code');
		expect(answer).not.toHaveProperty('data');
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ id: 62, perms: expect.any(Array) });
	});

	it('Get still fails clearly for an unknown role (an answer with a code)', async () => {
		const result = await bed.run({ resource: 'role', operation: 'get', roleId: 99999 });
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('(Yunke code');
	});

	it('Update replaces the permissions and description', async () => {
		const result = await bed.run({ resource: 'role', operation: 'update', roleId: 62, permissions: ['100', '201'], updateFields: { description: '新坐席' } });
		expect(jsonOf(result.outputs[0])).toEqual([{ updated: true, id: 62, permissions: [100, 201], description: '新坐席' }]);
		const [request] = bed.sandbox.requestsTo('/api/doRoleupdateapi');
		expect(request.paramOrder).toEqual(['user_sn', 'api_key', 'id', 'description', 'permission', 'url']);
		expectSigned(request);
		expect(bed.sandbox.data.roles[1]).toMatchObject({ perms: [100, 201], description: '新坐席' });
	});

	it('Delete removes an unused role and reports a role in use as an error item', async () => {
		bed.sandbox.data.roles.push({ id: 70, name: 'tmp', display_name: 'tmp', description: '', perms: [100], created_at: '' });
		const result = await bed.run({ resource: 'role', operation: 'delete', roleId: '={{ $json.id }}' }, [{ id: 70 }, { id: 61 }], { onError: 'continueErrorOutput' });
		expect(jsonOf(result.outputs[0])).toEqual([{ deleted: true, id: 70 }]);
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 1 });
		expect(result.outputs[1][0].json.error).toMatch(/\(Yunke code 20002\)$/);
		expect(bed.sandbox.requestsTo('/api/roleDelapi').map((entry) => entry.params.roleid)).toEqual([70, 61]);
		expect(bed.sandbox.data.roles.map((role) => role.id)).toEqual([61, 62]);
	});

	it('Get Permission Tree returns one item per permission, checked for the role', async () => {
		const result = await bed.run({ resource: 'role', operation: 'getPermissionTree', roleId: 62 });
		const tree = jsonOf(result.outputs[0]);
		expect(tree.find((node) => node.id === 100)).toEqual({ id: 100, display_name: '数据分析', parent_id: 0, checked: true });
		expect(tree.find((node) => node.id === 102)).toMatchObject({ parent_id: 101, checked: false });
		expect(bed.sandbox.requestsTo('/api/getAllPermissionapi')[0].params.roleid).toBe(62);
		const unmarked = await bed.run({ resource: 'role', operation: 'getPermissionTree' });
		expect(jsonOf(unmarked.outputs[0]).every((node) => node.checked === false)).toBe(true);
		expect(bed.sandbox.requestsTo('/api/getAllPermissionapi')[1].params.roleid).toBe(0);
	});
});

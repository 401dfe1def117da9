import { ok, page, VendorFault, type AreaRoutes, type Params } from '../routeToolkit';
import { path } from '../vendor';
import { nextId, type Role, type SandboxData } from '../state';

/** The tenant's permission catalogue (3.1): id, name, parent (0 = top level). */
export const PERMISSIONS: Array<{ id: number; name: string; display_name: string; parent_id: number }> = [
	{ id: 100, name: '#analysis', display_name: '数据分析', parent_id: 0 },
	{ id: 101, name: '#task', display_name: '外呼任务', parent_id: 0 },
	{ id: 102, name: '#task.create', display_name: '新建任务', parent_id: 101 },
	{ id: 103, name: '#cdr', display_name: '通话记录', parent_id: 0 },
	{ id: 200, name: '#crm', display_name: '客户CRM', parent_id: 0 },
	{ id: 201, name: '#crm.public', display_name: '公海', parent_id: 200 },
	{ id: 300, name: '#settings', display_name: '系统设置', parent_id: 0 },
];

/** 3.1–3.6: permission roles of sub-accounts. */
export const roleRoutes: AreaRoutes = {
	[path('3.1')]: {
		method: 'POST',
		handler: ({ data, params }) => {
			params.required('roleid');
			const role = data.roles.find((entry) => entry.id === params.int('roleid', 0));
			const rows = PERMISSIONS.map(({ id, display_name, parent_id }) => ({ id, display_name, parent_id, checked: role?.perms.includes(id) ? 1 : 0 }));
			return { json: { total: rows.length, data: rows } };
		},
	},
	[path('3.2')]: {
		method: 'POST',
		handler: ({ data, params }) => {
			const name = String(params.json<{ name?: string }>('data')?.name ?? '');
			const rows = data.roles
				.filter((role) => !name || role.name.includes(name) || role.display_name.includes(name))
				.map(({ perms: _perms, ...role }) => ({ ...role, parent_sn: data.account.username }));
			const { slice, total } = page(rows, params, 5);
			return { json: { total, data: slice } };
		},
	},
	[path('3.3')]: {
		method: 'POST',
		handler: ({ data, params, clock }) => {
			const name = params.required('rolename');
			const description = params.required('description');
			if (data.roles.some((role) => role.name === name)) throw new VendorFault(20002, '角色名已存在');
			data.roles.push({ id: nextId(data), name, display_name: name, description, perms: permissions(params), created_at: clock.chinaText() });
			return ok(undefined, '添加成功');
		},
	},
	[path('3.4')]: {
		method: 'POST',
		handler: ({ data, params }) => {
			const role = findRole(data, params.int('id', 0));
			role.perms = permissions(params);
			if (params.has('description')) role.description = params.str('description');
			return ok(undefined, '修改成功');
		},
	},
	[path('3.5')]: {
		method: 'POST',
		handler: ({ data, params }) => {
			const role = findRole(data, params.int('id', 0));
			const permissionAll = { 0: PERMISSIONS.map((entry) => ({ ...entry, menu_type: 1, icon: '', description: entry.display_name })) };
			// 3.5 answers the bare role object, no code and no data
			return { json: { name: role.name, display_name: role.display_name, description: role.description, perms: role.perms, permissionAll, id: role.id } };
		},
	},
	[path('3.6')]: {
		method: 'POST',
		handler: ({ data, params }) => {
			const role = findRole(data, params.int('roleid', 0));
			if (data.subAccounts.some((account) => account.role_id === role.id)) throw new VendorFault(20002, '该角色下存在子账号,无法删除');
			data.roles = data.roles.filter((entry) => entry !== role);
			return ok(undefined, '删除成功');
		},
	},
};

function findRole(data: SandboxData, id: number): Role {
	const role = data.roles.find((entry) => entry.id === id);
	if (!role) throw new VendorFault(20002, '角色不存在');
	return role;
}

/** `permission` or the form-style `permission[]` of 3.4; every id must exist. */
function permissions(params: Params): number[] {
	const ids = params.list('permission').map(Number);
	if (ids.length === 0) throw new VendorFault(20002);
	if (ids.some((id) => !PERMISSIONS.some((entry) => entry.id === id))) throw new VendorFault(30008);
	return ids;
}

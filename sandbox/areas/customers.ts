import { ok, page, VendorFault, type ApiContext, type ApiResponse, type AreaRoutes } from '../routeToolkit';
import { CUSTOMER_SEARCH_FIELDS, LIMITS, path, PHONE_COLUMN_PATTERN } from '../vendor';
import { parseChinaText } from '../clock';
import { readWorkbook } from '../excel';
import { nextId, type Customer, type SandboxData } from '../state';

const PHONE = /^\d{5,20}$/;
const NAME_COLUMN = /姓名|名字|name/i;

/** 6.7.1–6.7.9: the CRM's private pool (私海, owned by sub-accounts) and public pool (公海). */
export const customerRoutes: AreaRoutes = {
	// 6.7.1 and 6.7.3 share the documented path: rows in the query (GET), or an Excel file (multipart POST)
	[path('6.7.1')]: {
		method: 'ANY',
		handler: (ctx) => importRows(ctx, ctx.files.length > 0 ? excelRows(ctx) : jsonRows(ctx), 'private'),
	},
	[path('6.7.2')]: { method: 'GET', handler: (ctx) => importRows(ctx, jsonRows(ctx), 'public') },
	[path('6.7.4')]: {
		method: 'POST',
		handler: (ctx) => {
			ctx.params.required('follow_set_id');
			ctx.params.int('follow_set_id', 0);
			return importRows(ctx, excelRows(ctx), 'public');
		},
	},
	[path('6.7.5')]: {
		method: 'GET',
		handler: ({ data, params }) => {
			const isPrivate = params.int('isPrivate', -1);
			if (isPrivate !== 0 && isPrivate !== 1) throw new VendorFault(20002);
			const search = params.json<Record<string, string>>('data') ?? {};
			const needle = String(search[CUSTOMER_SEARCH_FIELDS.nameOrPhone] ?? '').trim();
			const from = parseChinaText(String(search[CUSTOMER_SEARCH_FIELDS.updatedFrom] ?? ''));
			const to = parseChinaText(String(search[CUSTOMER_SEARCH_FIELDS.updatedTo] ?? ''));
			const rows = data.customers
				.filter((customer) => customer.isPrivate === (isPrivate === 1))
				.filter((customer) => !needle || customer.name.includes(needle) || customer.phone.includes(needle))
				.filter((customer) => !from || parseChinaText(customer.updated_at)!.getTime() >= from.getTime())
				.filter((customer) => !to || parseChinaText(customer.updated_at)!.getTime() <= to.getTime())
				.map(listRow);
			const { slice, total } = page(rows, params, 5);
			return ok({ total, list: slice }, '获取成功');
		},
	},
	[path('6.7.6')]: {
		method: 'GET',
		handler: ({ data, params }) => {
			const phones = params.list('phone');
			if (phones.length === 0) throw new VendorFault(50001);
			const found = phones.filter((phone) => data.customers.some((customer) => !customer.isPrivate && customer.phone === phone));
			data.customers = data.customers.filter((customer) => customer.isPrivate || !phones.includes(customer.phone));
			return ok({ success: found.length, fail: phones.length - found.length }, '删除完成');
		},
	},
	[path('6.7.7')]: {
		method: 'GET',
		handler: ({ data, params, clock }) => {
			const phones = params.list('phone');
			if (phones.length === 0) throw new VendorFault(50001);
			for (const customer of data.customers.filter((entry) => entry.isPrivate && phones.includes(entry.phone))) {
				Object.assign(customer, { isPrivate: false, owner_sn: '', follow_user_sn: [], updated_at: clock.chinaText() });
			}
			return ok(undefined, '操作成功');
		},
	},
	[path('6.7.9')]: {
		method: 'GET',
		handler: ({ data, params, clock }) => {
			const phones = params.list('phone');
			const followers = params.list('follow_user_sn');
			if (phones.length === 0 || followers.length === 0) throw new VendorFault(50001);
			requireOwnAccounts(data, followers);
			for (const customer of data.customers.filter((entry) => entry.isPrivate && phones.includes(entry.phone))) {
				customer.follow_user_sn = followers;
				customer.updated_at = clock.chinaText();
			}
			return ok(undefined, '操作成功');
		},
	},
};

function jsonRows({ params }: ApiContext): Array<Record<string, unknown>> {
	const payload = params.json<{ data?: unknown }>('add_json');
	if (!payload || !Array.isArray(payload.data) || payload.data.length === 0) throw new VendorFault(30006);
	return payload.data as Array<Record<string, unknown>>;
}

function excelRows({ files }: ApiContext): Array<Record<string, unknown>> {
	const upload = files.find((file) => file.field === 'upload');
	if (!upload || upload.data.length === 0) throw new VendorFault(30001);
	const rows = readWorkbook(upload.data);
	if (!rows) throw new VendorFault(30002);
	if (rows.length === 0) throw new VendorFault(30001);
	return rows;
}

/** Imports answer like 6.7.3: counts as numbers and strings, `rst` "200". */
function importRows(ctx: ApiContext, rows: Array<Record<string, unknown>>, pool: 'private' | 'public'): ApiResponse {
	const { data, params, clock } = ctx;
	if (rows.length > LIMITS.rowsPerImport) throw new VendorFault(30005);
	const owners = pool === 'private' ? params.list('user_sn_input') : [];
	if (pool === 'private') {
		if (owners.length === 0) throw new VendorFault(30009);
		requireOwnAccounts(data, owners);
	} else params.required('auto_ignore');
	const takeOver = pool === 'public' && params.str('auto_ignore') === '1';
	let success = 0;
	let fail = 0;
	let repeat = 0;
	rows.forEach((row, index) => {
		const phoneKey = Object.keys(row).find((key) => PHONE_COLUMN_PATTERN.test(key));
		const phone = String(phoneKey ? row[phoneKey] : '').replace(/\D/g, '');
		if (!PHONE.test(phone)) return void fail++;
		const existing = data.customers.find((customer) => customer.phone === phone);
		if (existing && !(takeOver && existing.isPrivate)) return void repeat++;
		if (existing) data.customers = data.customers.filter((customer) => customer !== existing);
		const nameKey = Object.keys(row).find((key) => NAME_COLUMN.test(key));
		const fields = Object.fromEntries(Object.entries(row).filter(([key]) => key !== phoneKey && key !== nameKey).map(([key, value]) => [key, String(value ?? '')]));
		data.customers.push({
			id: nextId(data),
			phone,
			name: String(nameKey ? row[nameKey] : ''),
			isPrivate: pool === 'private',
			owner_sn: owners.length ? owners[index % owners.length] : '',
			follow_user_sn: [],
			fields,
			updated_at: clock.chinaText(),
		});
		success++;
	});
	return { json: { total: rows.length, success_count: success, fail: String(fail), repeat: String(repeat), msg: '导入成功', rst: '200' } };
}

function requireOwnAccounts(data: SandboxData, sns: string[]): void {
	if (sns.some((sn) => !data.subAccounts.some((account) => account.user_sn === sn))) throw new VendorFault(30015);
}

function listRow(customer: Customer): Record<string, unknown> {
	return {
		id: customer.id,
		name: customer.name,
		phone: customer.phone,
		user_sn: customer.owner_sn,
		follow_user_sn: customer.follow_user_sn.join(','),
		updated_at: customer.updated_at,
		...customer.fields,
	};
}

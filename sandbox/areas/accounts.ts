import { ok, page, Params, VendorFault, type AreaRoutes } from '../routeToolkit';
import { EXTENSION_FIELDS, path, SUB_ACCOUNT_DELETE_PKEY, SUB_ACCOUNT_FORM } from '../vendor';
import type { Clock } from '../clock';
import { makeSn, nextId, type SandboxData, type SubAccount } from '../state';

const ALPHANUMERIC = /^[A-Za-z0-9]+$/;
const PHONE = /^\d{5,20}$/;
/** 2.1.4 names the account by its `user_name`, the first field of the form. */
const ACCOUNT_KEY = 'user_name';
const PUBLIC_FIELDS = ['user_sn', 'api_key', 'url'];

/** 2.1.1–2.1.4: sub-accounts, which are also the seats of "create extension" (the 40001–40009 form). */
export const accountRoutes: AreaRoutes = {
	[path('2.1.1')]: {
		method: 'POST',
		handler: ({ data, params, shapes }) => {
			const name = params.str('user_name');
			const rows = data.subAccounts
				.filter((account) => !name || account.user_name.includes(name))
				.map((account) => listRow(account, shapes.subAccountRowRole === 'present'));
			const { slice, total } = page(rows, params, 5);
			return { json: { total, data: slice } };
		},
	},
	[path('2.1.2')]: {
		method: 'POST',
		handler: ({ data, params, clock }) => {
			for (const field of SUB_ACCOUNT_FORM) params.required(field);
			const form = readForm(params);
			checkFormat(form);
			if (data.subAccounts.some((account) => account.user_name === form.user_name)) throw new VendorFault(40006);
			checkSeat(data, form, undefined);
			const account = newAccount(data, form, clock, params);
			data.subAccounts.push(account);
			return ok({ user_sn: account.user_sn, ext: account.ext }, '添加成功');
		},
	},
	[path('2.1.4')]: {
		method: 'POST',
		handler: ({ data, params, shapes }) => {
			const account = data.subAccounts.find((entry) => entry.user_name === params.required(ACCOUNT_KEY));
			if (!account) throw new VendorFault(20002, '子账号不存在');
			// 2.1.4 marks the whole form as required (是); whether empty passwords keep the old one is a reading
			const emptyKeeps = shapes.subAccountUpdatePassword === 'emptyKeeps';
			for (const field of SUB_ACCOUNT_FORM) {
				if (!params.has(field)) throw new VendorFault(20002, `${field}不能为空`);
				if (!emptyKeeps || (field !== 'password' && field !== 're_password')) requireFilled(params, field);
			}
			const form = readForm(params);
			checkFormat(form);
			const changed: SubAccount = { ...account };
			for (const field of ['contact', 'organization_id', 'role_id', 'max_call_count', EXTENSION_FIELDS.extension, EXTENSION_FIELDS.inboundNumber]) {
				if (params.has(field)) changed[field] = form[field as keyof Form];
			}
			if (form.password !== '') changed.password = form.password;
			checkSeat(data, changed, account);
			Object.assign(account, changed, extraFields(params));
			return ok({ user_sn: account.user_sn, ext: account.ext }, '修改成功');
		},
	},
	[path('2.1.3')]: {
		method: 'POST',
		handler: ({ data, params }) => {
			if (params.required('pkey') !== SUB_ACCOUNT_DELETE_PKEY) throw new VendorFault(20002);
			const names = params.list('entityInstanceId');
			if (names.length === 0) throw new VendorFault(50001);
			const before = data.subAccounts.length;
			data.subAccounts = data.subAccounts.filter((account) => !names.includes(account.user_name));
			const deleted = before - data.subAccounts.length;
			return { json: { rst: '200', msg: '', success_num: deleted, not_allowed: 0, fail_num: names.length - deleted } };
		},
	},
};

interface Form {
	user_name: string;
	contact: string;
	password: string;
	re_password: string;
	organization_id: number;
	role_id: number;
	max_call_count: number;
	ext: string;
	callin_phone: string;
}

function readForm(params: Params): Form {
	return {
		user_name: params.str('user_name').trim(),
		contact: params.str('contact').trim(),
		password: params.str('password'),
		re_password: params.str('re_password'),
		organization_id: params.int('organization_id', 0),
		role_id: params.int('role_id', 0),
		max_call_count: params.int('max_call_count', 0),
		ext: params.str(EXTENSION_FIELDS.extension).trim(),
		callin_phone: params.str(EXTENSION_FIELDS.inboundNumber).trim(),
	};
}

/** The checks the vendor's form runs before it looks at other accounts, in its order. */
function checkFormat(form: Form): void {
	if (form.user_name && !ALPHANUMERIC.test(form.user_name)) throw new VendorFault(40005);
	if (form.ext && !ALPHANUMERIC.test(form.ext)) throw new VendorFault(40001);
	if (form.password !== form.re_password) throw new VendorFault(40009);
	if (form.max_call_count < 0) throw new VendorFault(30008);
	if (form.callin_phone && !PHONE.test(form.callin_phone)) throw new VendorFault(30008);
}

/** Uniqueness and quotas against the other accounts of the tenant; `current` is the account being edited. */
function checkSeat(data: SandboxData, seat: Pick<Form, 'ext' | 'callin_phone' | 'max_call_count'>, current: SubAccount | undefined): void {
	const others = data.subAccounts.filter((account) => account !== current);
	if (seat.ext) {
		if (others.some((account) => account.ext === seat.ext)) throw new VendorFault(40002);
		const hadExtension = Boolean(current?.ext);
		if (!hadExtension && others.filter((account) => account.ext).length >= data.account.extensionQuota) throw new VendorFault(40003);
	}
	if (seat.callin_phone && others.some((account) => account.callin_phone === seat.callin_phone)) throw new VendorFault(40007);
	const allotted = others.reduce((sum, account) => sum + Number(account.max_call_count || 0), 0);
	if (seat.max_call_count > data.account.aiSeats - allotted) throw new VendorFault(40008);
}

function newAccount(data: SandboxData, form: Form, clock: Clock, params: Params): SubAccount {
	const { re_password: _confirmation, ...fields } = form;
	return {
		...extraFields(params),
		...fields,
		id: nextId(data),
		user_sn: makeSn(data, 'SYSUSER'),
		job: '坐席',
		parent_sn: data.account.username,
		project_sn: '',
		skillgroup_sn: '',
		created_at: clock.chinaText(),
	};
}

function extraFields(params: Params): Record<string, unknown> {
	const known = new Set<string>([...SUB_ACCOUNT_FORM, ...PUBLIC_FIELDS, EXTENSION_FIELDS.extension, EXTENSION_FIELDS.inboundNumber]);
	return Object.fromEntries(params.entries.filter(([key]) => !known.has(key)));
}

/** A required field sent empty is refused like a missing one. */
function requireFilled(params: Params, field: string): void {
	if (params.str(field).trim() === '') throw new VendorFault(20002, `${field}不能为空`);
}

/** A sub-account as 2.1.1 lists it: never the password; `role_id` only under the reading `subAccountRowRole` 'present'. */
function listRow(account: SubAccount, withRole: boolean): Record<string, unknown> {
	const { password: _password, role_id: roleId, ...row } = account;
	return {
		...(withRole ? { role_id: roleId } : {}),
		wangwang: '',
		callin_project_sn: '',
		display_phone: '',
		yd_display_phone: '',
		sdzj_phone: '',
		expired: '',
		linkext: account.ext,
		sipname: account.ext ? `mo${account.ext}` : '',
		last_login_time: null,
		...row,
	};
}

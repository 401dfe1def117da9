import type { Clock } from './clock';
import { makeSn, nextId, type SandboxData, type Script, type SubAccount } from './state';

/** Login details of the demo tenant; printed by `npm run sandbox` and used by tests and the demo. */
export const DEMO_LOGIN = {
	username: 'demo',
	password: 'demo-Pa55word',
	accessId: 'a655f309e7d7b404f4b6b898688ff50d',
	accessSecret: '339168cd341bb57c45d9f45ea1f9bfdf',
} as const;

/** The demo tenant's root organisation: not 1, as on real tenants (a public 2.1.1 sample shows 216). */
export const ROOT_ORGANIZATION_ID = 216;

export const DEMO_TEMPLATE_COLUMNS = ['姓名', '*电话', '地址', '公司名称', '备注'];

export function seedTenant(clock: Clock): SandboxData {
	const data: SandboxData = {
		account: {
			id: 3635,
			userSn: '',
			username: DEMO_LOGIN.username,
			password: DEMO_LOGIN.password,
			accessId: DEMO_LOGIN.accessId,
			accessSecret: DEMO_LOGIN.accessSecret,
			teamSn: 'ROOT|0008',
			teamName: '演示租户',
			aiSeats: 20,
			extensionQuota: 50,
			apiPermission: true,
			callerGroup: '912143',
			expired: '2030-12-31',
		},
		subAccounts: [],
		scripts: [],
		roles: [],
		skillGroups: [],
		tasks: [],
		records: [],
		recordings: new Map(),
		dnd: [],
		customers: [],
		callTime: {
			week1: '08:30-12:00,13:30-20:30',
			week2: '08:30-12:00,13:30-20:30',
			week3: '08:30-12:00,13:30-20:30',
			week4: '08:30-12:00,13:30-20:30',
			week5: '08:30-12:00,13:30-20:30',
			week6: '09:00-12:00',
			week7: '',
			holiday: '',
			holiday_status: 0,
		},
		callback: { open_callback: 0, callback_url: '', task_callback_url: '' },
		tasksCreatedToday: 0,
		sequence: 1000,
	};
	data.account.userSn = makeSn(data, 'SYSUSER');
	const now = clock.chinaText();
	data.roles.push(
		{ id: 61, name: '子账号', display_name: '子账号', description: '子账号', perms: [100, 101], created_at: now },
		{ id: 62, name: '坐席', display_name: '坐席', description: '坐席', perms: [100], created_at: now },
	);
	data.skillGroups.push({
		id: nextId(data),
		skillgroup_sn: `SKILLGROUP${makeSn(data, 'g').slice(2, 18)}`,
		skillgroup_name: 'sales',
		skillgroup_caption: '销售组',
		strategy: 0,
		skillgroup_all_busy: 1,
		skillgroup_no_agent: 1,
	});
	for (const [userName, contact, ext, seats] of [
		['agent01', '王小明', '8001', 5],
		['agent02', '李华', '8002', 3],
	] as const) {
		data.subAccounts.push(subAccount(data, userName, contact, ext, seats, now));
	}
	data.scripts.push(
		script(data, '房产回访', '房产客户回访-女声', DEMO_TEMPLATE_COLUMNS),
		script(data, '催缴提醒', '移动催缴固定话术', ['姓名', '*电话', '*欠费金额', '备注']),
		script(data, '空模板', '未配置导入模板的话术', []),
	);
	return data;
}

function subAccount(data: SandboxData, userName: string, contact: string, ext: string, seats: number, now: string): SubAccount {
	return {
		id: nextId(data),
		user_sn: makeSn(data, 'SYSUSER'),
		user_name: userName,
		contact,
		password: 'agent-Pa55',
		organization_id: ROOT_ORGANIZATION_ID,
		role_id: 61,
		max_call_count: seats,
		ext,
		callin_phone: '',
		job: '坐席',
		parent_sn: data.account.username,
		project_sn: '',
		skillgroup_sn: data.skillGroups[0]?.skillgroup_sn ?? '',
		created_at: now,
	};
}

function script(data: SandboxData, name: string, caption: string, columns: string[]): Script {
	return {
		id: nextId(data),
		sn: makeSn(data, 'projects'),
		project_name: name,
		project_caption: caption,
		question_sn: `2021${String(nextId(data)).padStart(10, '0')}ZSE`,
		voice_break: data.scripts.length % 2,
		columns,
		asks: [
			{ asks_sn: makeSn(data, 'asks'), ask_caption: '您好,请问是本人吗?', ask_title: '01问候语+开场白', asked_times: 90 },
			{ asks_sn: makeSn(data, 'asks'), ask_caption: '不客气', ask_title: '谢谢', asked_times: 12 },
		],
	};
}

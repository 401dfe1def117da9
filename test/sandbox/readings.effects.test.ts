import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { useSandbox } from '../helpers/sandbox';
import { seedTask } from '../helpers/tasks';

const bed = useSandbox({ speed: { callMs: 5000 } });

const configure = async (shapes: Record<string, string>) => (await axios.post(`${bed.sandbox.url}/__control/config`, { shapes })).data;
const call = async (path: string, params: IDataObject) => (await bed.client.call('POST', path, params)).data;

describe('reading taskPkeys (5.2)', () => {
	it('idOnly (default): an sn is answered code 0 and changes nothing; the numeric id pauses', async () => {
		expect(bed.sandbox.shapes.taskPkeys).toBe('idOnly');
		const task = seedTask(bed.sandbox, { status: 0, phones: ['13800000001', '13800000002', '13800000003', '13800000004'] });
		expect(await call('/api/operateTask', { pkeys: task.dial_task_main_sn, project_type: 2, oper: 'stop' })).toEqual({ code: 0, msg: '操作成功' });
		expect(task.status).toBe(0);
		expect((await call('/api/operateTask', { pkeys: String(task.dial_task_main_id), project_type: 2, oper: 'stop' })).code).toBe(0);
		expect(task.status).toBe(4);
	});

	it('idOrSn: the sn pauses too', async () => {
		await configure({ taskPkeys: 'idOrSn' });
		const task = seedTask(bed.sandbox, { status: 0, phones: ['13800000001', '13800000002', '13800000003', '13800000004'] });
		expect((await call('/api/operateTask', { pkeys: task.dial_task_main_sn, project_type: 2, oper: 'stop' })).code).toBe(0);
		expect(task.status).toBe(4);
	});
});

describe('reading isZidongDefault (5.7.2)', () => {
	const create = async (extra: IDataObject = {}) => {
		const answer = await call('/api/addJson', {
			project_sn: bed.sandbox.data.scripts[0].sn,
			source: `任务${bed.sandbox.data.tasks.length}`,
			ai_user_sn: bed.sandbox.data.subAccounts[0].user_sn,
			client_info_json: { data: [{ '*电话': '13800000001' }] },
			...extra,
		});
		expect(answer.code).toBe(0);
		return bed.sandbox.data.tasks.find((task) => task.dial_task_main_sn === answer.data.dial_task_main_sn);
	};

	it('on (default): a creation without is_zidong dials at once; "on" dials', async () => {
		expect((await create())?.status).toBe(0);
		expect((await create({ is_zidong: 'on' }))?.status).toBe(0);
	});

	it('off: a creation without is_zidong waits paused; "on" still dials', async () => {
		await configure({ isZidongDefault: 'off' });
		expect((await create())?.status).toBe(4);
		expect((await create({ is_zidong: 'on' }))?.status).toBe(0);
	});
});

describe('a creation answered 500 after it was applied (fault phase "after")', () => {
	it('answers code 500 while the task exists', async () => {
		bed.sandbox.injectFault({ path: '/api/addJson', phase: 'after', action: { type: 'code', code: 500 } });
		const answer = await call('/api/addJson', {
			project_sn: bed.sandbox.data.scripts[0].sn,
			source: '五百',
			ai_user_sn: bed.sandbox.data.subAccounts[0].user_sn,
			client_info_json: { data: [{ '*电话': '13800000001' }] },
		});
		expect(answer).toEqual({ code: 500, msg: '服务端错误,请联系客服' });
		expect(bed.sandbox.data.tasks.map((task) => [task.source, task.rows.length])).toEqual([['五百', 1]]);
	});
});

describe('reading subAccountRowRole (2.1.1)', () => {
	it('absent (default): list rows carry no role_id; present: they do', async () => {
		const rows = async () => (await call('/api/aiUserDatasapi', {})).data as Array<Record<string, unknown>>;
		expect((await rows()).some((row) => 'role_id' in row)).toBe(false);
		await configure({ subAccountRowRole: 'present' });
		expect((await rows()).map((row) => row.role_id)).toEqual(bed.sandbox.data.subAccounts.map((account) => account.role_id));
	});
});

describe('reading subAccountUpdatePassword (2.1.4)', () => {
	const update = async (password: string) => {
		const account = bed.sandbox.data.subAccounts[0];
		return await call('/api/aiUserUpdateapi', {
			user_name: account.user_name,
			contact: account.contact,
			password,
			re_password: password,
			organization_id: account.organization_id,
			role_id: account.role_id,
			max_call_count: 2,
		});
	};

	it('required (default): empty password fields are refused, the account unchanged', async () => {
		expect(await update('')).toEqual({ code: 20002, msg: 'password不能为空' });
		expect(bed.sandbox.data.subAccounts[0].max_call_count).toBe(5);
	});

	it('emptyKeeps: empty password fields keep the password', async () => {
		await configure({ subAccountUpdatePassword: 'emptyKeeps' });
		const before = bed.sandbox.data.subAccounts[0].password;
		expect((await update('')).code).toBe(0);
		expect(bed.sandbox.data.subAccounts[0]).toMatchObject({ password: before, max_call_count: 2 });
	});
});

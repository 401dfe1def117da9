import { useSandbox } from '../helpers/sandbox';
import { seedTask, waitFor } from '../helpers/tasks';

const bed = useSandbox({ speed: { callMs: 10 } });

describe('sandbox task area, answered the vendor way', () => {
	it('5.1 lists only today\'s tasks when no creation range is sent', async () => {
		seedTask(bed.sandbox, { source: '今天' });
		seedTask(bed.sandbox, { source: '去年', createdAt: '2023-05-01 10:00:00' });
		const response = await bed.client.call('POST', '/api/index', {});
		expect(response.data.data.list.map((task: { source: string }) => task.source)).toEqual(['今天']);
		expect(response.data.data.list[0].status).toBe('暂停发送');
	});

	it('5.2 refuses mixed ids and sns, an empty key list and an unknown task', async () => {
		const task = seedTask(bed.sandbox);
		const call = async (pkeys: string) => (await bed.client.call('POST', '/api/operateTask', { pkeys, project_type: 2, oper: 'stop' })).data.code;
		expect(await call(`${task.dial_task_main_id},${task.dial_task_main_sn}`)).toBe(20002);
		expect(await call('')).toBe(50001);
		expect(await call('424242')).toBe(30011);
	});

	it('5.3.2 wants the api key again as apikey', async () => {
		const task = seedTask(bed.sandbox, { phones: ['13800000010'] });
		const base = { dial_task_main_sn: task.dial_task_main_sn, callee: '13800000010' };
		expect((await bed.client.call('POST', '/api/cancelCallCallee', base)).data.code).toBe(20002);
		// signing puts the session key into a present `apikey` field, whatever it held
		const ok = await bed.client.call('POST', '/api/cancelCallCallee', { ...base, apikey: 'placeholder' });
		expect(ok.data).toEqual({ code: 0, msg: '操作完成', data: { total: 1, success: 1, fail: 0 } });
		expect(bed.sandbox.requestsTo('/api/cancelCallCallee')[1].params.apikey).toBe(bed.client.session.apiKey);
	});

	it('5.10 says whether every number of a sub-account has been called', async () => {
		// seeded paused, so the dialler cannot finish before the first question
		const task = seedTask(bed.sandbox, { status: 4, phones: ['13800000010', '13800000021'] });
		expect((await bed.client.call('POST', '/api/taskBatchImportStatus', { user_name: 'agent01' })).data).toEqual({ code: 0, msg: '未全部呼叫完成', status: 0 });
		expect((await bed.client.call('POST', '/api/operateTask', { pkeys: String(task.dial_task_main_id), project_type: 2, oper: 'keepOn' })).data.code).toBe(0);
		await waitFor(() => task.status === 1, 'the calls');
		expect((await bed.client.call('POST', '/api/taskBatchImportStatus', { user_name: 'agent01' })).data).toEqual({ code: 0, msg: '全部呼叫完成', status: 1 });
		expect((await bed.client.call('POST', '/api/taskBatchImportStatus', { user_name: 'nobody' })).data.code).toBe(30015);
	});

	it('6.4 needs the sn and the connected time', async () => {
		expect((await bed.client.call('POST', '/api/cdrshow', { connected_at: '2024-01-01 00:00:00' })).data.code).toBe(50003);
		expect((await bed.client.call('POST', '/api/cdrshow', { accounts_sn: 'account|x' })).data.code).toBe(50002);
		expect((await bed.client.call('POST', '/api/cdrshow', { accounts_sn: 'account|x', connected_at: '2024-01-01 00:00:00' })).data).toEqual({
			code: 0,
			msg: '请求处理成功',
			data: { fragment: [] },
		});
	});
});

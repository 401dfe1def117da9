import { AREA_ROUTES } from '../../sandbox/areas';
import { VENDOR_PATHS } from '../../sandbox/vendor';
import { useSandbox } from '../helpers/sandbox';

const bed = useSandbox();

describe('sandbox paths, as the vendor pages print them', () => {
	it('every path the sandbox answers is a vendor section\'s path, with that section\'s method', () => {
		const byPath = new Map<string, string[]>();
		for (const { path, method } of Object.values(VENDOR_PATHS)) byPath.set(path, [...(byPath.get(path) ?? []), method]);
		const served = Object.entries(AREA_ROUTES).map(([path, route]) => ({ path, method: route.method }));
		expect(served.filter(({ path, method }) => !byPath.get(path)?.includes(method))).toEqual([]);
	});

	it('2.3.4 deletes on the path its page prints (the list path of 2.3.1); a path no page names is HTTP 404', async () => {
		const group = String(bed.sandbox.data.skillGroups[0].skillgroup_sn);
		const deleted = await bed.client.call('POST', '/api/skillGroupListsDataapii', { entityInstanceId: JSON.stringify([group, 'SKILLGROUPnone']) });
		expect(deleted.data).toEqual({ rst: '200', msg: '', success_num: 1, fail_num: 1 });
		expect(bed.sandbox.data.skillGroups.map((entry) => entry.skillgroup_sn)).not.toContain(group);
		const listed = await bed.client.call('POST', '/api/skillGroupListsDataapii', { pageIndex: 0, pageSize: 5 });
		expect(listed.data).toEqual({ total: 0, data: [] });
		const guessed = await bed.client.call('POST', '/api/skillGroupDeleteapi', { entityInstanceId: JSON.stringify([group]) });
		expect(guessed.status).toBe(404);
	});

	it('2.3.4 under the reading listPathLists: the list path answers the list and deletes nothing', async () => {
		bed.sandbox.shapes.skillGroupDelete = 'listPathLists';
		const group = String(bed.sandbox.data.skillGroups[0].skillgroup_sn);
		const answer = await bed.client.call('POST', '/api/skillGroupListsDataapii', { entityInstanceId: JSON.stringify([group]) });
		expect(answer.data).toMatchObject({ total: 1 });
		expect(bed.sandbox.data.skillGroups.map((entry) => entry.skillgroup_sn)).toContain(group);
	});

	it('business errors carry the vendor\'s own message for their code', async () => {
		const answer = await bed.client.call('POST', '/api/operateTask', { pkeys: '', project_type: 2, oper: 'stop' });
		expect(answer.data).toEqual({ code: 50001, msg: '至少选择一条数据' });
		const unknownTask = await bed.client.call('POST', '/api/getDetailsList', { dial_task_main_id: '424242' });
		expect(unknownTask.data).toEqual({ code: 30011, msg: '营销任务不存在' });
	});
});

import { formatChinaTime } from '../../nodes/Yunke/shared/chinaTime';
import { YunkeV1 } from '../../nodes/Yunke/v1/YunkeV1.node';
import { seedTask } from '../helpers/tasks';
import { useBed } from '../helpers/bed';
import { editorContext } from '../helpers/editorContext';

const bed = useBed();

/** n8n's own dropdown context (the one the editor uses) for our node, with the harness's credentials. */
const loadOptionsContext = () => editorContext(bed, { resource: 'extension', operation: 'update' });

const methods = new YunkeV1().methods;

describe('Dropdowns and resource locators of the admin resources', () => {
	it('getRoles lists roles by name with their ids', async () => {
		const options = await methods.loadOptions.getRoles.call(loadOptionsContext());
		expect(options).toEqual([
			{ name: '坐席', value: 62, description: '坐席' },
			{ name: '子账号', value: 61, description: '子账号' },
		]);
		expect(bed.sandbox.requestsTo('/api/roleGetapi')[0].params).toMatchObject({ pageIndex: 0, pageSize: 5000 });
	});

	it('getPermissions flattens the tree with parent names', async () => {
		const options = await methods.loadOptions.getPermissions.call(loadOptionsContext());
		expect(options).toContainEqual({ name: '外呼任务 › 新建任务', value: 102 });
		expect(options).toContainEqual({ name: '数据分析', value: 100 });
		expect(bed.sandbox.requestsTo('/api/getAllPermissionapi')[0].params.roleid).toBe(0);
	});

	it('searchExtensions offers only seats with an extension, valued by username', async () => {
		bed.sandbox.data.subAccounts[1].ext = '';
		const found = await methods.listSearch.searchExtensions.call(loadOptionsContext(), 'agent');
		expect(found.results).toEqual([{ name: 'agent01 (王小明) ext 8001', value: 'agent01' }]);
		const all = await methods.listSearch.searchSubAccountUsernames.call(loadOptionsContext());
		expect(all.results.map((result) => result.value)).toEqual(['agent01', 'agent02']);
	});

	it('searchSkillGroups values groups by skillgroup_sn', async () => {
		const found = await methods.listSearch.searchSkillGroups.call(loadOptionsContext(), 'sal');
		expect(found.results).toEqual([{ name: 'sales (销售组)', value: bed.sandbox.data.skillGroups[0].skillgroup_sn }]);
		expect(bed.sandbox.requestsTo('/api/skillGroupListsDataapii')[0].params.skillgroups_name).toBe('sal');
	});

	it('searchScripts filters by name and pages by 50 with a token while the list goes on', async () => {
		const data = bed.sandbox.data;
		for (let n = 0; n < 60; n++) data.scripts.push({ ...data.scripts[0], id: 9000 + n, sn: `projects|extra${n}`, project_name: `批量${n}`, project_caption: `批量话术${n}` });
		const first = await methods.listSearch.searchScripts.call(loadOptionsContext(), '批量');
		expect(first.results).toHaveLength(50);
		expect(first.results[0]).toEqual({ name: '批量话术0', value: 'projects|extra0' });
		expect(first.paginationToken).toBe('1');
		const second = await methods.listSearch.searchScripts.call(loadOptionsContext(), '批量', first.paginationToken);
		expect(second.results).toHaveLength(10);
		expect(second.paginationToken).toBeUndefined();
		expect(bed.sandbox.requestsTo('/api/templatelist').map((entry) => entry.params.pageIndex)).toEqual([0, 1]);
	});

	it('searchSubAccounts and searchTasks value accounts by user_sn and tasks by sn', async () => {
		const accounts = await methods.listSearch.searchSubAccounts.call(loadOptionsContext(), 'agent02');
		expect(accounts.results).toEqual([{ name: 'agent02 (李华)', value: bed.sandbox.data.subAccounts[1].user_sn }]);
		const tasks = await methods.listSearch.searchTasks.call(loadOptionsContext(), 'nothing-matches');
		expect(tasks).toEqual({ results: [], paginationToken: undefined });
		expect(bed.sandbox.requestsTo('/api/index')[0].params).toMatchObject({ start_create_at: '2018-01-01 00:00:00', end_create_at: `${formatChinaTime(new Date()).slice(0, 10)} 23:59:59` });
	});

	it('searchTasks finds a task created years ago, reading 90-day windows newest first where the tenant refuses the whole range', async () => {
		seedTask(bed.sandbox, { source: '今年回访' });
		const old = seedTask(bed.sandbox, { source: '老回访', createdAt: '2019-03-01 10:00:00' });
		const first = await methods.listSearch.searchTasks.call(loadOptionsContext(), '回访');
		expect(first.results.map((result) => result.name)).toEqual(['今年回访 (暂停发送)']);
		expect(first.paginationToken).toBe('w1:0');
		const second = await methods.listSearch.searchTasks.call(loadOptionsContext(), '回访', first.paginationToken);
		expect(second).toEqual({ results: [{ name: '老回访 (暂停发送)', value: old.dial_task_main_sn }], paginationToken: expect.stringMatching(/^w\d+:0$/) });
		const [refused, ...windows] = bed.sandbox.requestsTo('/api/index');
		expect((refused.answer as { code: number }).code).toBe(20002);
		expect(windows.every((entry) => (entry.answer as { code: number }).code === 0)).toBe(true);
		expect(String(windows[windows.length - 1].params.start_create_at) <= '2019-03-01 10:00:00').toBe(true);
	});

	it('searchTasks reads the whole range at once where the tenant takes it (reading maxDateRangeDays: unlimited)', async () => {
		bed.sandbox.shapes.maxDateRangeDays = 'unlimited';
		const old = seedTask(bed.sandbox, { source: '老回访', createdAt: '2019-03-01 10:00:00' });
		const found = await methods.listSearch.searchTasks.call(loadOptionsContext(), '老');
		expect(found).toEqual({ results: [{ name: '老回访 (暂停发送)', value: old.dial_task_main_sn }], paginationToken: undefined });
		expect(bed.sandbox.requestsTo('/api/index')).toHaveLength(1);
	});
});

import { ExecutionLifecycleHooks, LoadOptionsContext } from 'n8n-core';
import { Workflow, type INode, type IWorkflowBase, type IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { YunkeV1 } from '../../nodes/Yunke/v1/YunkeV1.node';
import { CREDENTIAL_REF, yunkeTestBed, type YunkeTestBed } from '../helpers/yunke';

let bed: YunkeTestBed;
beforeAll(async () => (bed = await yunkeTestBed()));
afterAll(async () => await bed.close());
beforeEach(() => {
	bed.sandbox.reset();
	bed.coldCredential();
});

/** n8n's own dropdown context (the one the editor uses) for our node, with the harness's credentials. */
function loadOptionsContext(): LoadOptionsContext {
	const node: INode = {
		id: 'n1',
		name: 'Yunke',
		type: 'n8n-nodes-yunke.yunke',
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: 'extension', operation: 'update' },
		credentials: CREDENTIAL_REF,
	};
	const workflow = new Workflow({ id: 'w1', nodes: [node], connections: {}, active: false, nodeTypes: bed.engine.nodeTypes });
	const workflowData = { id: 'w1', name: 'w', nodes: [node], connections: {}, active: false } as unknown as IWorkflowBase;
	const additionalData = (
		bed.engine as unknown as { additionalData: (...args: unknown[]) => IWorkflowExecuteAdditionalData }
	).additionalData(new ExecutionLifecycleHooks('manual', 'e1', workflowData), 'e1', 'w1', 30_000);
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters');
}

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
});

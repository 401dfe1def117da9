import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';
import { expectSigned } from '../helpers/signature';

const bed = useBed();
beforeEach(() => {
	bed.sandbox.data.skillGroups.push({ ...bed.sandbox.data.skillGroups[0], id: 2, skillgroup_sn: 'SKILLGROUPsupport', skillgroup_name: 'support', skillgroup_caption: '客服组' });
});

const sales = () => bed.sandbox.data.skillGroups[0].skillgroup_sn;

describe('Skill Group', () => {
	it('Get Many returns simplified groups and filters by skillgroups_name', async () => {
		const result = await bed.run({ resource: 'skillGroup', operation: 'getMany', returnAll: false, limit: 10, filters: { name: 'sup' } });
		expect(jsonOf(result.outputs[0])).toEqual([
			{ id: 2, skillgroup_sn: 'SKILLGROUPsupport', skillgroup_name: 'support', skillgroup_caption: '客服组', strategy: '0', skillgroup_all_busy: '1', skillgroup_no_agent: '1' },
		]);
		const [request] = bed.sandbox.requestsTo('/api/skillGroupListsDataapii');
		expect(request.params).toMatchObject({ skillgroups_name: 'sup', pageIndex: 0, pageSize: 10 });
		expectSigned(request);
		const raw = await bed.run({ resource: 'skillGroup', operation: 'getMany', returnAll: true, simplify: false });
		expect(jsonOf(raw.outputs[0])).toHaveLength(2);
		expect(jsonOf(raw.outputs[0])[0]).toHaveProperty('parent_sn', 'demo');
	});

	it('Update sends the documented key fields and readable options as vendor numbers', async () => {
		const result = await bed.run({
			resource: 'skillGroup',
			operation: 'update',
			skillGroup: { __rl: true, mode: 'list', value: sales() },
			name: 'sales2',
			noAgent: 3,
			updateFields: { strategy: 2, allBusy: 2 },
		});
		const [request] = bed.sandbox.requestsTo('/api/skillGroupUpdateapi');
		expect(request.paramOrder).toEqual(['user_sn', 'api_key', 'pkey', 'entityInstanceId', 'skillgroup_name', 'strategy', 'skillgroup_all_busy', 'skillgroup_no_agent', 'url']);
		expect(request.params).toMatchObject({ pkey: 'skillgroup_sn', entityInstanceId: sales() });
		expectSigned(request);
		expect(jsonOf(result.outputs[0])).toEqual([
			{ updated: true, skillgroup_sn: sales(), skillgroup_name: 'sales2', strategy: 2, skillgroup_all_busy: 2, skillgroup_no_agent: 3 },
		]);
		expect(bed.sandbox.data.skillGroups[0]).toMatchObject({ skillgroup_name: 'sales2', strategy: 2, skillgroup_all_busy: 2, skillgroup_no_agent: 3 });
	});

	it('Update refuses an empty name before sending and maps an unknown group from the vendor', async () => {
		const result = await bed.run(
			{ resource: 'skillGroup', operation: 'update', skillGroup: { __rl: true, mode: 'id', value: '={{ $json.sn }}' }, name: '={{ $json.name }}', noAgent: 1 },
			[
				{ sn: 'SKILLGROUPsupport', name: ' ' },
				{ sn: 'SKILLGROUPnone', name: 'x' },
			],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[1].map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Name: is empty [item 0]', { item: 0 }],
			[expect.stringMatching(/\(Yunke code 20002\)$/), { item: 1 }],
		]);
		expect(bed.sandbox.requestsTo('/api/skillGroupUpdateapi')).toHaveLength(1);
	});

	it('Delete sends the sn as a JSON-encoded array and reads the rst envelope', async () => {
		const result = await bed.run(
			{ resource: 'skillGroup', operation: 'delete', skillGroup: { __rl: true, mode: 'id', value: '={{ $json.sn }}' } },
			[{ sn: 'SKILLGROUPsupport' }, { sn: 'SKILLGROUPsupport' }],
			{ onError: 'continueErrorOutput' },
		);
		expect(jsonOf(result.outputs[0])).toEqual([{ deleted: true, skillgroup_sn: 'SKILLGROUPsupport' }]);
		expect(result.outputs[1][0].json.error).toBe('Skill group "SKILLGROUPsupport" was not deleted [item 1]');
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 1 });
		const [request] = bed.sandbox.requestsTo('/api/skillGroupListsDataapii').filter((sent) => sent.params.entityInstanceId);
		expect(request.params.entityInstanceId).toBe('["SKILLGROUPsupport"]');
		expect(request.answer).toEqual({ rst: '200', msg: '', success_num: 1, fail_num: 0 });
		expectSigned(request);
		expect(bed.sandbox.data.skillGroups.map((group) => group.skillgroup_name)).toEqual(['sales']);
	});

	it('Delete on a tenant whose 2.3.4 path only lists (reading listPathLists) is an error that says so, and nothing is reported deleted', async () => {
		bed.sandbox.shapes.skillGroupDelete = 'listPathLists';
		const result = await bed.run(
			{ resource: 'skillGroup', operation: 'delete', skillGroup: { __rl: true, mode: 'id', value: 'SKILLGROUPsupport' } },
			[{}],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[0]).toEqual([]);
		expect(result.outputs[1][0].json.error).toBe('Skill group "SKILLGROUPsupport" was not deleted [item 0]');
		expect(String(result.outputs[1][0].error?.description)).toContain('answered the delete with its skill-group list');
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 0 });
		expect(bed.sandbox.data.skillGroups.map((group) => group.skillgroup_name)).toEqual(['sales', 'support']);
	});
});

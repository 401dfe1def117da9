import { ok, page, VendorFault, type ApiContext, type ApiResponse, type AreaRoutes } from '../routeToolkit';
import { path, SKILL_GROUP_PKEY } from '../vendor';
import type { SkillGroup } from '../state';

/** 2.3.1, 2.3.3, 2.3.4: skill groups (技能组) that take calls the AI transfers to people. */
export const skillGroupRoutes: AreaRoutes = {
	// 2.3.4 prints this path too: a request naming groups in `entityInstanceId` deletes them
	[path('2.3.1')]: {
		method: 'POST',
		handler: (ctx) => (ctx.params.has('entityInstanceId') && ctx.shapes.skillGroupDelete === 'listPathDeletes' ? deleteGroups(ctx) : listGroups(ctx)),
	},
	[path('2.3.3')]: {
		method: 'POST',
		handler: ({ data, params }) => {
			if (params.required('pkey') !== SKILL_GROUP_PKEY) throw new VendorFault(20002);
			const group = data.skillGroups.find((entry) => entry.skillgroup_sn === params.required('entityInstanceId'));
			if (!group) throw new VendorFault(20002, '技能组不存在');
			const name = params.required('skillgroup_name');
			params.required('skillgroup_no_agent');
			const strategy = params.int('strategy', group.strategy);
			const allBusy = params.int('skillgroup_all_busy', group.skillgroup_all_busy);
			const noAgent = params.int('skillgroup_no_agent', group.skillgroup_no_agent);
			if (![0, 1, 2].includes(strategy) || ![1, 2, 3].includes(allBusy) || ![1, 2, 3].includes(noAgent)) throw new VendorFault(30008);
			Object.assign(group, { skillgroup_name: name, strategy, skillgroup_all_busy: allBusy, skillgroup_no_agent: noAgent });
			if (params.has('skillgroup_caption')) group.skillgroup_caption = params.str('skillgroup_caption');
			return ok(undefined, '修改成功');
		},
	},
};

function listGroups({ data, params }: ApiContext): ApiResponse {
	const name = params.str('skillgroups_name');
	const rows = data.skillGroups
		.filter((group) => !name || group.skillgroup_name.includes(name) || group.skillgroup_caption.includes(name))
		.map((group) => listRow(group, data.account.username));
	const { slice, total } = page(rows, params, 5);
	return { json: { total, data: slice } };
}

function deleteGroups({ data, params }: ApiContext): ApiResponse {
	const sns = params.list('entityInstanceId');
	if (sns.length === 0) throw new VendorFault(50001);
	const before = data.skillGroups.length;
	data.skillGroups = data.skillGroups.filter((group) => !sns.includes(group.skillgroup_sn));
	const deleted = before - data.skillGroups.length;
	return { json: { rst: '200', msg: '', success_num: deleted, fail_num: sns.length - deleted } };
}

/** A group as 2.3.1 lists it: numbers as strings, like the vendor's sample. */
function listRow(group: SkillGroup, parent: string): Record<string, unknown> {
	return {
		id: group.id,
		sn: group.skillgroup_sn,
		skillgroup_caption: group.skillgroup_caption,
		percentage: null,
		skillgroup_name: group.skillgroup_name,
		strategy: String(group.strategy),
		group_record: null,
		skillgroup_sn: group.skillgroup_sn,
		parent_sn: parent,
		skillgroup_no_agent: String(group.skillgroup_no_agent),
		skillgroup_all_busy: String(group.skillgroup_all_busy),
	};
}

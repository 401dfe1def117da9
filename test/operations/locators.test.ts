import type { INodeProperties } from 'n8n-workflow';

import { YunkeV1 } from '../../nodes/Yunke/v1/YunkeV1.node';
import { YunkeTrigger } from '../../nodes/YunkeTrigger/YunkeTrigger.node';
import { locator } from '../helpers/tasks';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';

const bed = useBed();

/** Every resource locator of a node, filters inside collections included. */
function pickers(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => [
		...(property.type === 'resourceLocator' ? [property] : []),
		...pickers(((property.options ?? []) as INodeProperties[]).filter((option) => 'type' in option)),
	]);
}

describe('Resource pickers', () => {
	const all = [
		...pickers(new YunkeV1().description.properties),
		...pickers(new YunkeTrigger().description.properties),
	];

	it('name their typed-in mode the same way everywhere: By Sn, By ID or Sn (tasks), By Username (accounts)', () => {
		expect(all.length).toBeGreaterThan(20);
		const labels = new Set<string>();
		for (const picker of all) {
			const [list, typed] = picker.modes ?? [];
			expect([list?.displayName, list?.name, typed?.name]).toEqual(['From List', 'list', 'id']);
			labels.add(typed.displayName);
			const expected = picker.name === 'account' ? 'By Username' : picker.name === 'task' ? /^By (ID or )?Sn$/ : 'By Sn';
			expect(typed.displayName).toMatch(expected);
			expect(typed.placeholder).toMatch(/^e\.g\. /);
		}
		expect([...labels].sort()).toEqual(['By ID or Sn', 'By Sn', 'By Username']);
	});

	it('reject a filter picker that was added but left empty, naming item and field, and send nothing', async () => {
		const tasks = await bed.run(
			{ resource: 'task', operation: 'getMany', returnAll: true, filters: { subAccount: locator('') } },
			[{}, {}],
			{ onError: 'continueErrorOutput' },
		);
		expect(tasks.outputs[1].map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Filters → Sub-Account: is empty [item 0]', { item: 0 }],
			['Filters → Sub-Account: is empty [item 1]', { item: 1 }],
		]);
		const records = await bed.run(
			{ resource: 'callRecord', operation: 'getMany', returnAll: true, filters: { script: locator('projects|a'), task: locator('  ', 'id') } },
			[{}],
			{ onError: 'continueErrorOutput' },
		);
		expect(jsonOf(records.outputs[1]).map((json) => json.error)).toEqual(['Filters → Task: is empty [item 0]']);
		expect(bed.sandbox.requestsTo('/api/index')).toHaveLength(0);
		expect(bed.sandbox.requestsTo('/api/crmList')).toHaveLength(0);
	});

	it('send a filter picker given as plain text (an expression) or in By Sn mode as the sn', async () => {
		const sn = bed.sandbox.data.subAccounts[0].user_sn;
		await bed.run({ resource: 'task', operation: 'getMany', returnAll: true, filters: { subAccount: ` ${sn} ` } });
		await bed.run({ resource: 'callRecord', operation: 'getMany', returnAll: true, filters: { task: locator('dial_task_main_sn|x', 'id') } });
		expect(bed.sandbox.requestsTo('/api/index')[0].params.ai_user_sn).toBe(sn);
		expect(bed.sandbox.requestsTo('/api/crmList')[0].params.dial_task_main_sn).toBe('dial_task_main_sn|x');
	});
});

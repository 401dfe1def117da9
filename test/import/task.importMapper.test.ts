import { ExecutionLifecycleHooks, LoadOptionsContext } from 'n8n-core';
import { Workflow, type INode, type INodeParameters, type IWorkflowBase, type IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { YunkeV1 } from '../../nodes/Yunke/v1/YunkeV1.node';
import { importTargets } from '../helpers/imports';
import { useBed } from '../helpers/bed';
import { CREDENTIAL_REF } from '../helpers/yunke';

const bed = useBed();

/** n8n's own editor context for the Columns mapper of Task → Create. */
function mapperContext(parameters: INodeParameters): LoadOptionsContext {
	const node: INode = {
		id: 'n1',
		name: 'Yunke',
		type: 'n8n-nodes-yunke.yunke',
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: 'task', operation: 'create', ...parameters },
		credentials: CREDENTIAL_REF,
	};
	const workflow = new Workflow({ id: 'w1', nodes: [node], connections: {}, active: false, nodeTypes: bed.engine.nodeTypes });
	const workflowData = { id: 'w1', name: 'w', nodes: [node], connections: {}, active: false } as unknown as IWorkflowBase;
	const additionalData = (
		bed.engine as unknown as { additionalData: (...args: unknown[]) => IWorkflowExecuteAdditionalData }
	).additionalData(new ExecutionLifecycleHooks('manual', 'e1', workflowData), 'e1', 'w1', 30_000);
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters');
}

const { resourceMapping } = new YunkeV1().methods;

describe('Task → Create: the Columns mapper', () => {
	it("offers the chosen script's template columns, the * ones required", async () => {
		const { scriptSn } = importTargets(bed.sandbox);
		const fields = await resourceMapping.getTemplateColumns.call(mapperContext({ script: { __rl: true, mode: 'list', value: scriptSn } }));
		expect(fields.fields.map((field) => [field.id, field.displayName, field.required])).toEqual([
			['姓名', '姓名', false],
			['*电话', '电话 (phone)', true],
			['地址', '地址', false],
			['公司名称', '公司名称', false],
			['备注', '备注', false],
		]);
		expect(bed.sandbox.requestsTo('/api/exportModel')[0].params).toMatchObject({ project_sn: scriptSn, type: 'json' });
	});

	it('explains an empty template and asks for a script first', async () => {
		const empty = await resourceMapping.getTemplateColumns.call(
			mapperContext({ script: { __rl: true, mode: 'id', value: importTargets(bed.sandbox).emptyScriptSn } }),
		);
		expect(empty.fields).toEqual([]);
		expect(empty.emptyFieldsNotice).toContain('no import template');
		const noScript = await resourceMapping.getTemplateColumns.call(mapperContext({}));
		expect(noScript.fields).toEqual([]);
		expect(noScript.emptyFieldsNotice).toContain('Choose a script first');
	});
});

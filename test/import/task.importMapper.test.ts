import type { INodeParameters } from 'n8n-workflow';

import { YunkeV1 } from '../../nodes/Yunke/v1/YunkeV1.node';
import { importTargets } from '../helpers/imports';
import { useBed } from '../helpers/bed';
import { editorContext } from '../helpers/editorContext';

const bed = useBed();

/** n8n's own editor context for the Columns mapper of Task → Create. */
const mapperContext = (parameters: INodeParameters) => editorContext(bed, { resource: 'task', operation: 'create', ...parameters });

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

	it('explains an empty template, and where the columns come from before a script is picked', async () => {
		const empty = await resourceMapping.getTemplateColumns.call(
			mapperContext({ script: { __rl: true, mode: 'id', value: importTargets(bed.sandbox).emptyScriptSn } }),
		);
		expect(empty.fields).toEqual([]);
		expect(empty.emptyFieldsNotice).toContain('no import template');
		const noScript = await resourceMapping.getTemplateColumns.call(mapperContext({}));
		expect(noScript.fields).toEqual([]);
		expect(noScript.emptyFieldsNotice).toBe("The columns are those of the Script's import template (Script → Get Import Template lists them)");
	});
});

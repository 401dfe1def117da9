/**
 * Node panel: add the Yunke node to a new workflow, pick Task → Create, choose the script from the
 * tenant's list (and narrow it by search), see the template's columns in the resource mapper, and
 * execute the step.
 */
import type { SuiteContext } from '../harness';
import { UI_CREDENTIAL_NAME } from './credential';
import { eventually, expect, expectIncludes, expectSame } from './assert';

const SCRIPT_SEARCH = '催缴';
const TASK_NAME = '界面检查新任务';
/** Task → Create's action in the node creator (its wording is the agent-facing action text). */
const CREATE_TASK_ACTION = /^Create a task\b/;
const ROW = { 姓名: '张三', '*电话': '13800138000', '*欠费金额': '88' };

export async function nodePanelChecks(ctx: SuiteContext): Promise<void> {
	const { editor, env } = ctx;
	const script = env.sandbox.data.scripts.find((entry) => entry.project_name.includes(SCRIPT_SEARCH));
	expect(script, `the sandbox has no script named like ${SCRIPT_SEARCH}`);

	await ctx.check('Node panel: add the Yunke node and pick Task → Create', async () => {
		await editor.newWorkflow();
		await editor.addFirstNode('manual', 'Manual Trigger');
		await editor.page.keyboard.press('Escape');
		await editor.addNode('Yunke', 'Yunke');
		await editor.nodeCreatorItem(CREATE_TASK_ACTION).waitFor();
		await ctx.shot('node creator yunke actions');
		// the panel opens with the Columns mapper, which asks for columns (none without a script) and stores
		// that answer in the node: the Script list must not open before it
		await editor.untilColumnsFetched(() => editor.nodeCreatorItem(CREATE_TASK_ACTION).click());
		await editor.ndv().getByTestId('node-parameters').waitFor();
		await editor.selectCredential(UI_CREDENTIAL_NAME);
		expectSame(await editor.selectedOption('resource'), 'Task', 'Resource');
		expectSame(await editor.selectedOption('operation'), 'Create', 'Operation');
		await ctx.shot('task create panel');
	});

	await ctx.check("Node panel: Script 'From List' shows the sandbox's scripts", async () => {
		const items = await editor.openResourceList('script');
		const wanted = env.sandbox.data.scripts.map((entry) => entry.project_caption);
		const shown = await eventually(() => items.allInnerTexts(), (texts) => texts.length === wanted.length);
		await ctx.shot('script list');
		expectSame(shown.map((text) => text.trim()), wanted, 'the Script list');
	});

	await ctx.check('Node panel: searching the Script list narrows it', async () => {
		await editor.searchResourceList(SCRIPT_SEARCH);
		const items = editor.resourceListItems();
		const shown = await eventually(() => items.allInnerTexts(), (texts) => texts.length === 1);
		await ctx.shot('script list searched');
		expectSame(shown.map((text) => text.trim()), [script.project_caption], `the Script list searched for ${SCRIPT_SEARCH}`);
		// before the next check opens the Sub-Account list: the columns this script brings change the node
		await editor.untilColumnsFetched(() => items.first().click());
	});

	await ctx.check("Node panel: the resource mapper shows the template's columns, required ones marked", async () => {
		const accounts = await editor.openResourceList('subAccount');
		await accounts.filter({ hasText: 'agent01' }).first().click();
		await editor.parameter('taskName').locator('input').fill(TASK_NAME);
		await editor.choose(editor.ndv().getByTestId('mapping-mode-select'), /Map Each Column Manually/);
		await editor.mapperField(script.columns[0]).waitFor();
		await editor.mapperFields().scrollIntoViewIfNeeded();
		await ctx.shot('resource mapper columns');
		for (const column of script.columns) {
			const state = await editor.mapperColumn(column);
			expect(state.shown, `the mapper has no column ${column}`);
			// n8n marks a required mapper column by offering no "remove" button and flagging it while empty.
			const required = column.startsWith('*');
			expect(required ? !state.removable && state.flagged : state.removable && !state.flagged, `column ${column} is ${required ? 'not marked required' : 'marked required'}`);
		}
	});

	await ctx.check('Node panel: Execute step creates the task and shows it in the output', async () => {
		for (const [column, value] of Object.entries(ROW)) await editor.mapperField(column).locator('input').fill(value);
		await editor.executeStep();
		const output = await editor.waitForOutput();
		await editor.outputMode('table');
		await ctx.shot('task create output');
		const text = await output.innerText();
		expectIncludes(text, '1 item', 'the output panel');
		expectIncludes(text, TASK_NAME, 'the output panel');
		const task = env.sandbox.data.tasks.find((entry) => entry.source === TASK_NAME);
		expect(task, 'the sandbox has no new task');
		expectSame(task.rows.map((row) => row.phone), [ROW['*电话']], 'the rows of the new task');
	});
}

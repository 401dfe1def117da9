/**
 * Error output: Task → Create with On Error → Continue (using error output) and a lead whose phone
 * number is no number. The good lead makes the task, the bad one comes out of the error output with
 * a message that names the column and the item field.
 */
import type { SuiteContext } from '../harness';
import { BAD_PHONE, ERROR_NODE, ERROR_OUTPUT_WORKFLOW_ID } from '../workflows';
import { expect, expectIncludes } from './assert';

export async function errorOutputChecks(ctx: SuiteContext): Promise<void> {
	const { editor } = ctx;

	await ctx.check("Error output: the node's Settings show On Error → Continue (using error output)", async () => {
		await editor.openWorkflow(ERROR_OUTPUT_WORKFLOW_ID);
		// the next check runs the node, then opens it: the columns must be in the node before that run
		await editor.untilColumnsFetched(() => editor.openNode(ERROR_NODE));
		await editor.ndv().getByTestId('tab-settings').click();
		await editor.parameter('onError').waitFor();
		await ctx.shot('error output node settings');
		expectIncludes(await editor.selectedOption('onError'), 'Continue (using error output)', 'On Error');
		await editor.closeNdv();
	});

	await ctx.check('Error output: a bad lead goes to the error output with a message naming the field', async () => {
		await editor.executeWorkflow();
		await editor.node(ERROR_NODE).getByTestId('canvas-node-status-success').or(editor.page.getByText('Workflow executed successfully')).first().waitFor({ timeout: 60_000 });
		await ctx.shot('error output workflow executed');
		await editor.openNode(ERROR_NODE);
		const output = await editor.waitForOutput();
		const branches = await output.getByTestId('branches').innerText();
		expectIncludes(branches, 'Success Branch (1 item)', 'the output branches');
		expectIncludes(branches, 'Error Branch (1 item)', 'the output branches');
		await editor.outputBranch(/Error Branch/);
		await editor.outputMode('json');
		await ctx.shot('error output error branch');
		const text = await output.innerText();
		expectIncludes(text, `Column \\"*电话\\" (field \\"电话\\"): \\"${BAD_PHONE}\\" is not a phone number [item 1]`, 'the error branch');
		expect(!text.includes('13800138000'), 'the good lead is on the error branch');
		await editor.closeNdv();
	});
}

/**
 * Node creator search: users of the Yunke console look for it by its own Chinese words. n8n's node
 * creator matches the search against each node's display name and its codex `alias` terms, so a
 * Chinese term finds the nodes only through the aliases in `*.node.json`. The creator shows the
 * package as one entry, "Yunke" (the trigger too, with its own description, among triggers).
 */
import { YunkeTrigger } from '../../../nodes/YunkeTrigger/YunkeTrigger.node';
import type { SuiteContext } from '../harness';
import { eventually, expect, expectIncludes } from './assert';

/** 云客 "Yunke", the platform's Chinese name. */
const TRIGGER_TERM = '云客';
/** 外呼 "outbound call", the console's word for what the Yunke node runs. */
const ACTION_TERM = '外呼';
/** Task → Create's action in the node creator (its wording is the agent-facing action text). */
const CREATE_TASK_ACTION = /^Create a task\b/;

async function listedFor(ctx: SuiteContext, term: string): Promise<string[]> {
	const { page } = ctx.editor;
	await page.getByTestId('node-creator-search-bar').fill(term);
	const names = page.getByTestId('node-creator').getByTestId('node-creator-item-name');
	const listed = await eventually(
		async () => (await names.allInnerTexts()).map((text) => text.trim()),
		(texts) => texts.includes('Yunke'),
	);
	expect(listed.includes('Yunke'), `searching ${term} should list "Yunke"; it lists ${JSON.stringify(listed)}`);
	return listed;
}

export async function nodeSearchChecks(ctx: SuiteContext): Promise<void> {
	const { editor } = ctx;

	await ctx.check(`Node creator: searching ${TRIGGER_TERM} for the first step lists the Yunke Trigger`, async () => {
		await editor.newWorkflow();
		await editor.page.getByTestId('canvas-plus-button').click();
		await listedFor(ctx, TRIGGER_TERM);
		await ctx.shot('node creator search trigger');
		expectIncludes(await editor.page.getByTestId('node-creator').innerText(), new YunkeTrigger().description.description, 'the trigger search');
		await editor.page.keyboard.press('Escape');
	});

	await ctx.check(`Node creator: searching ${ACTION_TERM} for the next step lists the Yunke node and its actions`, async () => {
		await editor.newWorkflow();
		await editor.addFirstNode('manual', 'Manual Trigger');
		await editor.page.keyboard.press('Escape');
		await editor.page.getByTestId('node-creator-plus-button').click();
		await listedFor(ctx, ACTION_TERM);
		await ctx.shot('node creator search node');
		await editor.nodeCreatorItem('Yunke').click();
		await editor.nodeCreatorItem(CREATE_TASK_ACTION).waitFor();
		await ctx.shot('node creator search node actions');
		await editor.page.keyboard.press('Escape');
	});
}

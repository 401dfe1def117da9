/**
 * The README images: example 1 on the canvas and its Create Task node with the script and the
 * sub-account picked from the tenant; examples 4 and 5 on the canvas. `npm run docs:screenshots` writes them to docs/images/, the
 * UI suite to its results folder.
 */
import * as path from 'node:path';

import { REPO_ROOT } from '../../../scripts/n8n/tools';
import type { SuiteContext } from '../harness';
import { expectIncludes } from './assert';

export const README_IMAGES = {
	canvas: path.join(REPO_ROOT, 'docs', 'images', 'example-crm-webhook.png'),
	createTask: path.join(REPO_ROOT, 'docs', 'images', 'editor-create-task.png'),
	leadCanvas: path.join(REPO_ROOT, 'docs', 'images', 'example-lead-to-todays-task.png'),
	reconcileCanvas: path.join(REPO_ROOT, 'docs', 'images', 'example-reconcile-outcomes.png'),
};

const MORE_CANVASES = [
	{ title: 'example 4', id: 'yunkeExLeadToTodaysTask', nodes: ['Lead Webhook', "Add to Today's Task", 'Reply to CRM'], image: README_IMAGES.leadCanvas },
	{ title: 'example 5', id: 'yunkeExReconcile0005', nodes: ['Every Hour', 'Get Outcomes', 'Decided Outcomes', 'Update CRM Lead'], image: README_IMAGES.reconcileCanvas },
];

const WORKFLOW_ID = 'yunkeExCrmToDialling';

export async function readmeChecks(ctx: SuiteContext, { toDocs = false } = {}): Promise<void> {
	const { editor, env } = ctx;

	await ctx.check('README: example 1 opens on the canvas with all its nodes', async () => {
		await editor.openWorkflow(WORKFLOW_ID);
		for (const name of ['CRM Webhook', 'Create Task', 'Start Dialling', 'Reply to CRM']) await editor.node(name).waitFor();
		await editor.zoomToFit();
		await editor.page.mouse.move(5, 450); // no hover toolbar on a node
		await ctx.shot('readme example canvas', toDocs ? README_IMAGES.canvas : undefined);
	});

	await ctx.check('README: the Create Task panel shows the script and sub-account picked from the tenant', async () => {
		const ndv = await editor.openNode('Create Task');
		const script = env.sandbox.data.scripts[0].project_caption;
		await ndv.getByTestId('resource-locator-script').waitFor();
		expectIncludes(await editor.resourceLocatorValue('script'), script, 'Script');
		expectIncludes(await editor.resourceLocatorValue('subAccount'), 'agent01', 'Sub-Account');
		await editor.page.mouse.move(5, 890); // outside the panel: no hover toolbar on a parameter
		await ctx.shot('readme create task panel', toDocs ? README_IMAGES.createTask : undefined);
		await editor.closeNdv();
	});

	for (const canvas of MORE_CANVASES) {
		await ctx.check(`README: ${canvas.title} opens on the canvas with all its nodes`, async () => {
			await editor.openWorkflow(canvas.id);
			for (const name of canvas.nodes) await editor.node(name).waitFor();
			await editor.zoomToFit();
			await editor.page.mouse.move(5, 450);
			await ctx.shot(`readme ${canvas.title} canvas`, toDocs ? canvas.image : undefined);
		});
	}
}

/**
 * Trigger: the Yunke Trigger's panel (example 2) shows its Test and Production webhook URLs, and in
 * Manual registration the notice that the URL needs `?token=` and that an account has one callback URL.
 */
import type { SuiteContext } from '../harness';
import { expect, expectIncludes } from './assert';

const WORKFLOW_ID = 'yunkeExCallResultCrm';
const TRIGGER_NODE = 'Yunke Call Result';

export async function triggerChecks(ctx: SuiteContext): Promise<void> {
	const { editor, env } = ctx;

	await ctx.check('Trigger: the panel shows the Test and Production URLs of the webhook', async () => {
		await editor.openWorkflow(WORKFLOW_ID);
		const ndv = await editor.openNode(TRIGGER_NODE);
		await ndv.getByText('Webhook URLs').click();
		const testButton = ndv.getByTestId('radio-button-test');
		await testButton.waitFor();
		const webhookId = (await env.n8n.rest<{ nodes: Array<{ name: string; webhookId?: string }> }>('GET', `/rest/workflows/${WORKFLOW_ID}`)).data.nodes.find((node) => node.name === TRIGGER_NODE)?.webhookId;
		expect(webhookId, 'the trigger node has no webhookId');
		await testButton.click();
		await ctx.shot('trigger test url');
		expectIncludes(await ndv.innerText(), `${env.n8n.baseUrl}/webhook-test/${webhookId}/yunke`, 'the Test URL');
		await ndv.getByTestId('radio-button-production').click();
		await ctx.shot('trigger production url');
		expectIncludes(await ndv.innerText(), `${env.n8n.baseUrl}/webhook/${webhookId}/yunke`, 'the Production URL');
	});

	await ctx.check('Trigger: Manual registration explains the ?token= and the one callback URL per account', async () => {
		await editor.selectOption('registration', 'Manual');
		const secret = editor.parameter('secretToken');
		await secret.waitFor();
		await ctx.shot('trigger manual registration');
		const text = await editor.ndv().innerText();
		expectIncludes(text, "Production URL followed by ?token=<Secret Token>", 'the notice');
		expectIncludes(text, 'ONE callback URL per account', 'the notice');
		expect((await secret.locator('input').getAttribute('type')) === 'password', 'the Secret Token is not masked');
		await editor.closeNdv();
	});
}

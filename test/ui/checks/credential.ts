/**
 * Credential: create the Yunke API credential in the UI, press Test (n8n tests on Save), and see a
 * wrong password explained in English without the secret anywhere on the page.
 */
import type { SuiteContext } from '../harness';
import { expect, expectIncludes } from './assert';

export const UI_CREDENTIAL_NAME = 'Yunke UI check';
const WRONG_PASSWORD = 'Not-The-Demo-Pa55';

export async function credentialChecks(ctx: SuiteContext): Promise<void> {
	const { editor, env, page } = ctx;
	const dialog = editor.credentialDialog();

	await ctx.check('Credential: the Yunke API form asks for Base URL, Authentication, Username and Password', async () => {
		await editor.newCredential('Yunke API');
		for (const field of ['baseUrl', 'authentication', 'username', 'password']) {
			expect(await dialog.getByTestId(`parameter-input-${field}`).isVisible(), `the form has no ${field} field`);
		}
		expect((await dialog.getByTestId('parameter-input-password').locator('input').getAttribute('type')) === 'password', 'the password is not masked');
		await ctx.shot('credential form');
	});

	await ctx.check('Credential: Test succeeds with the demo account', async () => {
		await editor.renameCredential(dialog, UI_CREDENTIAL_NAME);
		await editor.fillCredentialField(dialog, 'baseUrl', env.sandbox.url);
		await editor.fillCredentialField(dialog, 'username', env.demoLogin.username);
		await editor.fillCredentialField(dialog, 'password', env.demoLogin.password);
		const loginsBefore = env.sandbox.auth.logins;
		const result = await editor.saveCredential(dialog);
		await ctx.shot('credential test succeeded');
		expect(result === 'success', `Test did not succeed: ${await dialog.innerText()}`);
		expectIncludes(await dialog.innerText(), 'Connection tested successfully', 'the credential dialog');
		expect(env.sandbox.auth.logins > loginsBefore, 'the Test button did not log in to the sandbox');
	});

	await ctx.check('Credential: a wrong password shows the English message, with no secret on the page', async () => {
		await editor.fillCredentialField(dialog, 'password', WRONG_PASSWORD);
		const result = await editor.saveCredential(dialog);
		expect(result === 'error', 'a wrong password passed the test');
		await dialog.getByText('More details').click();
		const text = await dialog.innerText();
		await ctx.shot('credential wrong password');
		expectIncludes(text, 'Yunke rejected the login details (code 20004', 'the credential dialog');
		// What the page shows (the password field itself holds the typed text, masked).
		const shown = await page.locator('body').innerText();
		for (const secret of [WRONG_PASSWORD, env.demoLogin.password]) expect(!shown.includes(secret), 'a password appears on the page');
		// Put the right password back: the node checks below use this credential.
		await editor.fillCredentialField(dialog, 'password', env.demoLogin.password);
		expect((await editor.saveCredential(dialog)) === 'success', 'Test did not pass again with the right password');
		await editor.closeDialog(dialog);
	});
}

/**
 * The n8n 2.41.1 editor as a person uses it, through its stable `data-test-id` attributes (read off
 * the real DOM; Playwright's getByTestId is pointed at `data-test-id` in browser.ts).
 */
import type { Locator, Page } from 'playwright-core';

export class Editor {
	constructor(
		readonly page: Page,
		readonly baseUrl: string,
	) {}

	async signIn(email: string, password: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/signin`);
		await this.page.getByTestId('emailOrLdapLoginId').locator('input').fill(email);
		await this.page.getByTestId('password').locator('input').fill(password);
		await this.page.getByTestId('form-submit-button').click();
		await this.page.waitForURL(/\/(home|workflows?)\b/, { timeout: 30_000 });
	}

	// ── Credentials ──────────────────────────────────────────────────────────

	/** Overview → Create credential → search the type → Continue; returns the credential dialog. */
	async newCredential(typeName: string): Promise<Locator> {
		await this.page.goto(`${this.baseUrl}/home/credentials`);
		await this.page.getByTestId('add-resource-credential').click();
		await this.page.getByRole('combobox', { name: 'Search for app...' }).fill(typeName);
		await this.page.getByTestId('new-credential-type-select-option').filter({ hasText: typeName }).first().click();
		await this.page.getByTestId('new-credential-type-button').click();
		const dialog = this.credentialDialog();
		await dialog.getByTestId('credential-connection-parameter').first().waitFor();
		return dialog;
	}

	credentialDialog(): Locator {
		return this.page.getByTestId('editCredential-modal');
	}

	async fillCredentialField(dialog: Locator, name: string, value: string): Promise<void> {
		await dialog.getByTestId(`parameter-input-${name}`).locator('input').fill(value);
	}

	/** Save; n8n then tests the credential. Resolves when that test answered and its banner shows. */
	async saveCredential(dialog: Locator): Promise<'success' | 'error'> {
		const tested = this.page.waitForResponse((response) => response.url().includes('/rest/credentials/test'), { timeout: 30_000 });
		await dialog.getByTestId('credential-save-button').click();
		await tested;
		const success = dialog.getByTestId('credentials-config-container-test-success');
		const failure = dialog.getByText('Couldn’t connect with these settings');
		await success.or(failure).first().waitFor({ timeout: 30_000 });
		return (await success.isVisible()) ? 'success' : 'error';
	}

	async renameCredential(dialog: Locator, name: string): Promise<void> {
		await dialog.getByTestId('credential-name').click();
		const input = dialog.getByTestId('credential-name').getByTestId('inline-edit-input');
		await input.fill(name);
		await input.press('Enter');
	}

	async closeDialog(dialog: Locator): Promise<void> {
		await dialog.locator('.el-dialog__headerbtn, .el-dialog__close').first().click();
		await dialog.waitFor({ state: 'hidden' });
	}

	// ── Canvas ───────────────────────────────────────────────────────────────

	async openWorkflow(id: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/${id}`);
		await this.page.getByTestId('canvas-node').first().waitFor({ timeout: 30_000 });
	}

	async newWorkflow(): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/new`);
		await this.page.getByTestId('canvas-plus-button').waitFor({ timeout: 30_000 });
	}

	node(name: string): Locator {
		return this.page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
	}

	async zoomToFit(): Promise<void> {
		await this.page.getByTestId('zoom-to-fit').click();
		await this.page.waitForTimeout(400); // the canvas animates the zoom
	}

	/** The first node of an empty workflow, from the node creator. */
	async addFirstNode(search: string, item: string): Promise<void> {
		await this.page.getByTestId('canvas-plus-button').click();
		await this.pickInNodeCreator(search, item);
	}

	/** Another node through the canvas "+" (the node creator opens on "What happens next?"). */
	async addNode(search: string, item: string): Promise<void> {
		await this.page.getByTestId('node-creator-plus-button').click();
		await this.pickInNodeCreator(search, item);
	}

	async pickInNodeCreator(search: string, item: string): Promise<void> {
		await this.page.getByTestId('node-creator-search-bar').fill(search);
		await this.nodeCreatorItem(item).click();
	}

	nodeCreatorItem(text: string | RegExp): Locator {
		return this.page.getByTestId('node-creator').getByTestId('node-creator-item-name').getByText(text, { exact: true }).first();
	}

	async executeWorkflow(): Promise<void> {
		await this.page.getByTestId('execute-workflow-button').click();
	}

	// ── Node details view (NDV) ──────────────────────────────────────────────

	ndv(): Locator {
		return this.page.getByTestId('ndv');
	}

	async openNode(name: string): Promise<Locator> {
		await this.node(name).dblclick();
		await this.ndv().getByTestId('node-parameters').waitFor();
		return this.ndv();
	}

	async closeNdv(): Promise<void> {
		await this.ndv().getByTestId('ndv-close-button').click();
		await this.ndv().waitFor({ state: 'hidden' });
	}

	parameter(name: string): Locator {
		return this.ndv().getByTestId(`parameter-input-${name}`);
	}

	async selectOption(parameterName: string, option: string | RegExp): Promise<void> {
		await this.choose(this.parameter(parameterName), option);
	}

	/** Opens a dropdown and clicks one of its options. */
	async choose(dropdown: Locator, option: string | RegExp): Promise<void> {
		await dropdown.click();
		await this.page.getByRole('option', { name: option }).filter({ visible: true }).first().click();
	}

	/** The label a dropdown parameter shows. */
	async selectedOption(parameterName: string): Promise<string> {
		const input = this.parameter(parameterName).locator('input').first();
		const value = (await input.count()) ? await input.inputValue() : '';
		return (value || (await this.parameter(parameterName).innerText())).trim();
	}

	async selectCredential(name: string): Promise<void> {
		await this.ndv().getByTestId('node-credentials-select').click();
		await this.page.getByRole('option', { name }).first().click();
	}

	/** Opens a "From List" resource locator and waits for its first page of entries. */
	async openResourceList(parameterName: string): Promise<Locator> {
		await this.ndv().getByTestId(`resource-locator-${parameterName}`).getByTestId('rlc-input').click();
		const items = this.resourceListItems();
		await items.first().waitFor();
		return items;
	}

	/** What a resource locator shows as picked (its input's value, or its text). */
	async resourceLocatorValue(parameterName: string): Promise<string> {
		const input = this.ndv().getByTestId(`resource-locator-${parameterName}`).getByTestId('rlc-input');
		return await input.first().evaluate((element) => {
			const field = (element.matches('input, textarea') ? element : element.querySelector('input, textarea')) as { value?: string } | null;
			return String(field?.value || (element as { textContent?: string | null }).textContent || '').trim();
		});
	}

	resourceListItems(): Locator {
		return this.page.getByTestId('rlc-item').filter({ visible: true });
	}

	async searchResourceList(text: string): Promise<void> {
		await this.page.getByTestId('rlc-search').filter({ visible: true }).fill(text);
	}

	/**
	 * Runs `action` (opening the node, picking its script), which makes the Columns mapper fetch the
	 * template, and waits until the mapper stored the columns in the node's parameters. Meanwhile other
	 * steps race it: a run before it is marked stale by it, and an open "From list" dropdown whose entries
	 * came before it shows loading placeholders until it is reopened (n8n keeps a list's entries per the
	 * node's other parameters and does not fetch again while open).
	 */
	async untilColumnsFetched(action: () => Promise<unknown>): Promise<void> {
		const fetched = this.page.waitForResponse((response) => response.url().includes('/rest/dynamic-node-parameters/resource-mapper-fields'));
		await action();
		await fetched;
		// shown from before the mapper's request until it stored what came back
		await this.ndv().getByText('Fetching columns').waitFor({ state: 'hidden' });
	}

	mapperFields(): Locator {
		return this.ndv().getByTestId('mapping-fields-container');
	}

	/** A resource-mapper column's input row (`parameter-input-<column id>`), and its parameter item. */
	mapperField(columnId: string): Locator {
		return this.mapperFields().getByTestId(`parameter-input-${columnId}`);
	}

	/** Whether a mapper column is shown, offers "remove", and is flagged (the issue icon beside its input). */
	async mapperColumn(columnId: string): Promise<{ shown: boolean; removable: boolean; flagged: boolean }> {
		const field = this.mapperField(columnId);
		if ((await field.count()) === 0) return { shown: false, removable: false, flagged: false };
		const removable = (await this.mapperFields().getByTestId(`remove-field-button-${columnId}`).count()) > 0;
		const flagged = await field.first().evaluate((element) => !!element.closest('.parameter-item')?.querySelector('[data-test-id="parameter-issues"]'));
		return { shown: true, removable, flagged };
	}

	async executeStep(): Promise<void> {
		await this.ndv().getByTestId('node-execute-button').click();
	}

	outputPanel(): Locator {
		return this.ndv().getByTestId('output-panel');
	}

	/**
	 * Waits until the output panel has run data (its status icon: `success`, or `danger` for a node that
	 * failed). Data of a node changed after its run shows "stale" instead of the icon: that fails at once.
	 */
	async waitForOutput(): Promise<Locator> {
		const panel = this.outputPanel();
		const status = panel.getByTestId('node-run-status-success').or(panel.getByTestId('node-run-status-danger'));
		const stale = panel.getByTestId('node-run-info-stale');
		await status.or(stale).first().waitFor({ timeout: 60_000 });
		if (await stale.isVisible()) throw new Error("the output panel shows the run's data as stale: the node's parameters changed after the run");
		return panel;
	}

	async outputBranch(label: RegExp): Promise<void> {
		await this.outputPanel().getByTestId('branches').getByText(label).click();
	}

	async outputMode(mode: 'schema' | 'table' | 'json'): Promise<void> {
		await this.outputPanel().getByTestId(`radio-button-${mode}`).click();
	}
}

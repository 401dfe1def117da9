/** The editor in n8n's default locale, English: README, credential, node search and panel, error output, trigger and browser health checks. */
import { credentialChecks } from '../checks/credential';
import { errorOutputChecks } from '../checks/errorOutput';
import { healthCheck } from '../checks/health';
import { nodePanelChecks } from '../checks/nodePanel';
import { nodeSearchChecks } from '../checks/nodeSearch';
import { readmeChecks } from '../checks/readme';
import { triggerChecks } from '../checks/trigger';
import type { Suite } from '../harness';
import { errorOutputWorkflow } from '../workflows';

export const englishSuite: Suite = {
	name: 'editor',
	workflows: [errorOutputWorkflow],
	async run(ctx) {
		await readmeChecks(ctx);
		await credentialChecks(ctx);
		await nodeSearchChecks(ctx);
		await nodePanelChecks(ctx);
		await errorOutputChecks(ctx);
		await triggerChecks(ctx);
		await healthCheck(ctx);
	},
};

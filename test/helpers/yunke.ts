import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { YunkeApi } from '../../credentials/YunkeApi.credentials';
import { Yunke } from '../../nodes/Yunke/Yunke.node';
import type { Sandbox, SandboxOptions } from '../../sandbox/server';
import { TestEngine, type InputItem, type NodeRunResult } from '../harness/engine';
import { passwordCredential, startSandbox } from './sandbox';

export const CREDENTIAL_REF = { yunkeApi: { id: 'yunke-cred-1', name: 'Yunke sandbox' } };

export interface YunkeTestBed {
	sandbox: Sandbox;
	engine: TestEngine;
	run(parameters: INodeParameters, items?: InputItem[], options?: RunOptions): Promise<NodeRunResult>;
	/** The hidden session fields n8n persisted for the credential. */
	storedSession(): Record<string, unknown>;
	/** Empties the stored session, as a freshly created credential. */
	coldCredential(): void;
	close(): Promise<void>;
}

export interface RunOptions {
	onError?: 'continueErrorOutput' | 'continueRegularOutput' | 'stopWorkflow';
}

/** Sandbox + real n8n engine + our node and credential, ready for one test file. */
export async function yunkeTestBed(
	credentialOverrides: ICredentialDataDecryptedObject = {},
	sandboxOptions: SandboxOptions = {},
): Promise<YunkeTestBed> {
	const sandbox = await startSandbox(sandboxOptions);
	const credential = () => ({
		id: CREDENTIAL_REF.yunkeApi.id,
		name: CREDENTIAL_REF.yunkeApi.name,
		type: 'yunkeApi',
		data: passwordCredential(sandbox, credentialOverrides),
	});
	const engine = new TestEngine({
		nodeTypes: { 'n8n-nodes-yunke.yunke': new Yunke() },
		credentialTypes: { yunkeApi: new YunkeApi() },
		credentials: [credential()],
	});
	return {
		sandbox,
		engine,
		run: async (parameters, items = [{}], options = {}) =>
			await engine.runNode(
				{
					type: 'n8n-nodes-yunke.yunke',
					typeVersion: 1,
					parameters,
					credentials: CREDENTIAL_REF,
					...(options.onError && options.onError !== 'stopWorkflow' ? { onError: options.onError } : {}),
				},
				items,
			),
		storedSession: () => ({ ...engine.credentialStore.get(CREDENTIAL_REF.yunkeApi.id)?.data }),
		coldCredential: () => engine.setCredential(credential()),
		close: async () => await sandbox.stop(),
	};
}

/** json of every item of one output */
export function jsonOf(items: Array<{ json: unknown }> | undefined): any[] {
	return (items ?? []).map((item) => item.json);
}

import { ExecutionLifecycleHooks, LoadOptionsContext } from 'n8n-core';
import { Workflow, type INode, type INodeParameters, type IWorkflowBase, type IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { CREDENTIAL_REF, type YunkeTestBed } from './yunke';

/**
 * n8n's own context for the editor's dropdowns, pickers and mappers (`LoadOptionsContext`), for a
 * Yunke node with these parameters and the bed's credential.
 */
export function editorContext(bed: YunkeTestBed, parameters: INodeParameters): LoadOptionsContext {
	const node: INode = {
		id: 'n1',
		name: 'Yunke',
		type: 'n8n-nodes-yunke.yunke',
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: CREDENTIAL_REF,
	};
	const workflow = new Workflow({ id: 'w1', nodes: [node], connections: {}, active: false, nodeTypes: bed.engine.nodeTypes });
	const workflowData = { id: 'w1', name: 'w', nodes: [node], connections: {}, active: false } as unknown as IWorkflowBase;
	const additionalData = (
		bed.engine as unknown as { additionalData: (...args: unknown[]) => IWorkflowExecuteAdditionalData }
	).additionalData(new ExecutionLifecycleHooks('manual', 'e1', workflowData), 'e1', 'w1', 30_000);
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters');
}

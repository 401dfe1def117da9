/**
 * Workflows the UI checks open in the editor (imported before n8n starts, next to the examples).
 */
import type { WorkflowJson } from '../../scripts/examples';
import { SANDBOX_CREDENTIAL } from '../../scripts/examples';

export const ERROR_OUTPUT_WORKFLOW_ID = 'yunkeUiErrorOutput01';
export const ERROR_NODE = 'Create Task (error output)';
/** The lead whose phone number the node must reject, and the field its message must name. */
export const BAD_PHONE = '12-ab';

/**
 * Two leads pinned on the trigger, one with a phone number that is no number, into Task → Create
 * with On Error → Continue (using error output).
 */
export const errorOutputWorkflow: WorkflowJson = {
	id: ERROR_OUTPUT_WORKFLOW_ID,
	name: 'Yunke UI check: bad lead goes to the error output',
	nodes: [
		{ id: 'f1000000-0000-4000-8000-000000000001', name: 'Leads', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'f1000000-0000-4000-8000-000000000002',
			name: ERROR_NODE,
			type: 'n8n-nodes-yunke.yunke',
			typeVersion: 1,
			position: [260, 0],
			onError: 'continueErrorOutput',
			parameters: {
				resource: 'task',
				operation: 'create',
				script: { __rl: true, mode: 'list', value: '', cachedResultName: '房产客户回访-女声' },
				subAccount: { __rl: true, mode: 'list', value: '', cachedResultName: 'agent01 (王小明)' },
				taskName: '界面检查错误输出',
				dataSource: 'items',
				columns: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
				options: {},
			},
			credentials: { yunkeApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name } },
		},
	],
	connections: { Leads: { main: [[{ node: ERROR_NODE, type: 'main', index: 0 }]] } },
	pinData: {
		Leads: [{ json: { 姓名: '张伟', 电话: '13800138000' } }, { json: { 姓名: '李娜', 电话: BAD_PHONE } }],
	},
};

import type { INodeProperties } from 'n8n-workflow';

/*
 * Every resource picker of both nodes, defined once. An operation (or the trigger) that needs another label, description or display
 * condition spreads one of these and overrides those keys; a filter inside a collection adds `required: false`
 * and is read with `readFilterLocator`. The typed-in mode is always named `id`, so saved workflows keep working.
 */

export const scriptLocator: INodeProperties = {
	displayName: 'Script',
	name: 'script',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The AI call script, from the list or by its sn',
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchScripts', searchable: true } },
		{ displayName: 'By Sn', name: 'id', type: 'string', placeholder: 'e.g. projects|4a92…' },
	],
};

/** For operations that take either form (see `readTaskReference`). */
export const taskLocator: INodeProperties = {
	displayName: 'Task',
	name: 'task',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The outbound task, from the list or by its ID (digits) or sn',
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchTasks', searchable: true } },
		{ displayName: 'By ID or Sn', name: 'id', type: 'string', placeholder: 'e.g. 1423 or dial_task_main_sn|1427…' },
	],
};

/** Where the value is sent on as `dial_task_main_sn`, so an ID would match nothing. */
export const taskSnLocator: INodeProperties = {
	...taskLocator,
	description: 'The outbound task, from the list or by its sn',
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchTasks', searchable: true } },
		{ displayName: 'By Sn', name: 'id', type: 'string', placeholder: 'e.g. dial_task_main_sn|1427…' },
	],
};

/** A sub-account by its `user_sn`. */
export const subAccountLocator: INodeProperties = {
	displayName: 'Sub-Account',
	name: 'subAccount',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The sub-account, from the list or by its sn',
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchSubAccounts', searchable: true } },
		{ displayName: 'By Sn', name: 'id', type: 'string', placeholder: 'e.g. SYSUSER|b339…' },
	],
};

export const skillGroupLocator: INodeProperties = {
	displayName: 'Skill Group',
	name: 'skillGroup',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The skill group (the agents that take transferred calls), from the list or by its sn',
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchSkillGroups', searchable: true } },
		{ displayName: 'By Sn', name: 'id', type: 'string', placeholder: 'e.g. SKILLGROUP558c…' },
	],
};

/** Extensions are sub-accounts with an extension number (docs/vendor-facts.md); both resources share their forms. */
export type AccountKind = 'extension' | 'subAccount';

const ACCOUNT_LABEL: Record<AccountKind, string> = { extension: 'Extension', subAccount: 'Sub-Account' };
const ACCOUNT_SEARCH: Record<AccountKind, string> = { extension: 'searchExtensions', subAccount: 'searchSubAccountUsernames' };

/** One account by its username, which is what the account calls take (not its sn). */
export function accountLocator(kind: AccountKind): INodeProperties {
	return {
		displayName: ACCOUNT_LABEL[kind],
		name: 'account',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `The ${ACCOUNT_LABEL[kind].toLowerCase()} to act on, by its username`,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: ACCOUNT_SEARCH[kind], searchable: true } },
			{
				displayName: 'By Username',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. agent01',
				validation: [{ type: 'regex', properties: { regex: '^[A-Za-z0-9]+$', errorMessage: 'Letters and digits only' } }],
			},
		],
	};
}

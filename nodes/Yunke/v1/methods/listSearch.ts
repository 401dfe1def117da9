import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ENDPOINTS, TASK_LIST_ALL_TIME } from '../../shared/contract';
import { extractList, yunkeApiRequest } from '../transport';

const PAGE_SIZE = 50;

function nextToken(page: number, received: number, total: number | undefined): string | undefined {
	const seen = (page + 1) * PAGE_SIZE;
	if (received < PAGE_SIZE) return undefined;
	return total === undefined || seen < total ? String(page + 1) : undefined;
}

/** Scripts (话术) for resource locators; `value` is the project_sn used by task creation. */
export async function searchScripts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 0);
	const body: IDataObject = { pageIndex: page, pageSize: PAGE_SIZE };
	if (filter) body.project_name = filter;
	const list = extractList(await yunkeApiRequest.call(this, { method: 'POST', endpoint: ENDPOINTS.scriptList, body, idempotent: true }));
	return {
		results: list.items.map((script) => ({
			name: String(script.project_caption ?? script.project_name ?? script.sn),
			value: String(script.sn ?? script.project_sn),
		})),
		paginationToken: nextToken(page, list.items.length, list.total),
	};
}

/** Sub-accounts for resource locators; `value` is the user_sn (the ai_user_sn of task creation). */
export async function searchSubAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 0);
	const body: IDataObject = { pageIndex: page, pageSize: PAGE_SIZE };
	if (filter) body.user_name = filter;
	const list = extractList(
		await yunkeApiRequest.call(this, { method: 'POST', endpoint: ENDPOINTS.subAccountList, body, idempotent: true }),
	);
	return {
		results: list.items.map((account) => ({
			name: account.contact ? `${String(account.user_name)} (${String(account.contact)})` : String(account.user_name),
			value: String(account.user_sn),
		})),
		paginationToken: nextToken(page, list.items.length, list.total),
	};
}

/** Tasks for resource locators; `value` is the dial_task_main_sn. Filtering by name happens here. */
export async function searchTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 0);
	const body: IDataObject = {
		pageIndex: page,
		pageSize: PAGE_SIZE,
		start_create_at: TASK_LIST_ALL_TIME.from,
		end_create_at: TASK_LIST_ALL_TIME.to,
	};
	const list = extractList(await yunkeApiRequest.call(this, { method: 'POST', endpoint: ENDPOINTS.taskList, body, idempotent: true }));
	const needle = filter?.toLowerCase();
	return {
		results: list.items
			.filter((task) => !needle || String(task.source ?? '').toLowerCase().includes(needle))
			.map((task) => ({
				name: `${String(task.source ?? task.dial_task_main_id)} (${String(task.status ?? '')})`,
				value: String(task.dial_task_main_sn),
			})),
		paginationToken: nextToken(page, list.items.length, list.total),
	};
}

/** Sub-accounts by username, for operations that address an account by its login name (2.1.3, 2.1.4). */
export async function searchSubAccountUsernames(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchAccountsByUsername(this, filter, paginationToken, false);
}

/** Sub-accounts that have an extension number, by username. */
export async function searchExtensions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchAccountsByUsername(this, filter, paginationToken, true);
}

async function searchAccountsByUsername(
	ctx: ILoadOptionsFunctions,
	filter: string | undefined,
	paginationToken: string | undefined,
	extensionsOnly: boolean,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 0);
	const body: IDataObject = { pageIndex: page, pageSize: PAGE_SIZE };
	if (filter) body.user_name = filter;
	const list = extractList(
		await yunkeApiRequest.call(ctx, { method: 'POST', endpoint: ENDPOINTS.subAccountList, body, idempotent: true }),
	);
	return {
		results: list.items
			.filter((account) => !extensionsOnly || String(account.ext ?? '').trim() !== '')
			.map((account) => ({
				name: [String(account.user_name), account.contact ? `(${String(account.contact)})` : '', account.ext ? `ext ${String(account.ext)}` : '']
					.filter(Boolean)
					.join(' '),
				value: String(account.user_name),
			})),
		paginationToken: nextToken(page, list.items.length, list.total),
	};
}

/** Skill groups for resource locators; `value` is the skillgroup_sn. */
export async function searchSkillGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 0);
	const body: IDataObject = { pageIndex: page, pageSize: PAGE_SIZE };
	if (filter) body.skillgroups_name = filter;
	const list = extractList(await yunkeApiRequest.call(this, { method: 'POST', endpoint: ENDPOINTS.skillGroupList, body, idempotent: true }));
	return {
		results: list.items.map((group) => ({
			name: group.skillgroup_caption ? `${String(group.skillgroup_name)} (${String(group.skillgroup_caption)})` : String(group.skillgroup_name),
			value: String(group.skillgroup_sn ?? group.sn),
		})),
		paginationToken: nextToken(page, list.items.length, list.total),
	};
}

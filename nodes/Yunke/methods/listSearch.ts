import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { ENDPOINTS } from '../shared/contract';
import { creationRange, extractList, rangeWindows, refusesRange, yunkeApiRequest, type CreationRange } from '../transport';

const PAGE_SIZE = 50;

/**
 * One page of a vendor list for a resource locator: `pageIndex` from the pagination token, the
 * rows turned into results (undefined drops a row), the next token while the list goes on.
 */
async function searchPage(
	ctx: ILoadOptionsFunctions,
	endpoint: string,
	paginationToken: string | undefined,
	filterBody: IDataObject,
	toResult: (row: IDataObject) => INodeListSearchItems | undefined,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 0);
	const body: IDataObject = { pageIndex: page, pageSize: PAGE_SIZE, ...filterBody };
	const list = extractList(await yunkeApiRequest.call(ctx, { method: 'POST', endpoint, body, idempotent: true }));
	const results: INodeListSearchItems[] = [];
	for (const row of list.items) {
		const result = toResult(row);
		if (result) results.push(result);
	}
	const more = list.items.length >= PAGE_SIZE && (list.total === undefined || (page + 1) * PAGE_SIZE < list.total);
	return { results, paginationToken: more ? String(page + 1) : undefined };
}

/** Scripts (话术) for resource locators; `value` is the project_sn used by task creation. */
export async function searchScripts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(this, ENDPOINTS.scriptList, paginationToken, filter ? { project_name: filter } : {}, (script) => ({
		name: String(script.project_caption ?? script.project_name ?? script.sn),
		value: String(script.sn ?? script.project_sn),
	}));
}

/** Sub-accounts for resource locators; `value` is the user_sn (the ai_user_sn of task creation). */
export async function searchSubAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(this, ENDPOINTS.subAccountList, paginationToken, filter ? { user_name: filter } : {}, (account) => ({
		name: account.contact ? `${String(account.user_name)} (${String(account.contact)})` : String(account.user_name),
		value: String(account.user_sn),
	}));
}

/**
 * Tasks for resource locators; `value` is the dial_task_main_sn. Filtering by name happens here.
 * 5.1 is read over every creation date (empty dates would list today's tasks only); a tenant that
 * refuses so wide a range is read window by window, newest first, with tokens `w<window>:<page>`.
 */
export async function searchTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const needle = filter?.toLowerCase();
	const toResult = (task: IDataObject): INodeListSearchItems | undefined =>
		needle && !String(task.source ?? '').toLowerCase().includes(needle)
			? undefined
			: { name: `${String(task.source ?? task.dial_task_main_id)} (${String(task.status ?? '')})`, value: String(task.dial_task_main_sn) };
	const range = creationRange(undefined, undefined);
	if (!paginationToken?.startsWith('w')) {
		const whole = await searchPage(this, ENDPOINTS.taskList, paginationToken, rangeBody(range), toResult).catch((error: unknown) => {
			if (refusesRange(error, range)) return undefined;
			throw error;
		});
		if (whole) return whole;
	}
	const windows = rangeWindows(range);
	let [windowIndex, page] = (paginationToken?.startsWith('w') ? paginationToken.slice(1) : '0:0').split(':').map(Number);
	for (; windowIndex < windows.length; windowIndex++, page = 0) {
		const found = await searchPage(this, ENDPOINTS.taskList, String(page), rangeBody(windows[windowIndex]), toResult);
		if (found.paginationToken) return { results: found.results, paginationToken: `w${windowIndex}:${found.paginationToken}` };
		const more = windowIndex + 1 < windows.length;
		// an empty window says nothing to the user: read on until a window has tasks
		if (found.results.length > 0) return { results: found.results, paginationToken: more ? `w${windowIndex + 1}:0` : undefined };
	}
	return { results: [] };
}

function rangeBody(range: CreationRange): IDataObject {
	return { start_create_at: range.from, end_create_at: range.to };
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
	return await searchPage(ctx, ENDPOINTS.subAccountList, paginationToken, filter ? { user_name: filter } : {}, (account) =>
		extensionsOnly && String(account.ext ?? '').trim() === ''
			? undefined
			: {
					name: [String(account.user_name), account.contact ? `(${String(account.contact)})` : '', account.ext ? `ext ${String(account.ext)}` : '']
						.filter(Boolean)
						.join(' '),
					value: String(account.user_name),
				},
	);
}

/** Skill groups for resource locators; `value` is the skillgroup_sn. */
export async function searchSkillGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(this, ENDPOINTS.skillGroupList, paginationToken, filter ? { skillgroups_name: filter } : {}, (group) => ({
		name: group.skillgroup_caption ? `${String(group.skillgroup_name)} (${String(group.skillgroup_caption)})` : String(group.skillgroup_name),
		value: String(group.skillgroup_sn ?? group.sn),
	}));
}

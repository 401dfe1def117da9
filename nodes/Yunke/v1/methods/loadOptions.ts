import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS, LIMITS, PERMISSION_TREE_ANY_ROLE } from '../../shared/contract';
import { extractList, yunkeApiRequest } from '../../transport';

/** Roles (3.2) for the Role dropdown of sub-accounts and extensions; value = role id. */
export async function getRoles(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const answer = await yunkeApiRequest.call(this, {
		method: 'POST',
		endpoint: ENDPOINTS.roleList,
		body: { pageIndex: 0, pageSize: LIMITS.maxPageSize },
		idempotent: true,
	});
	return extractList(answer)
		.items.map((role) => ({
			name: String(role.display_name || role.name || role.id),
			value: Number(role.id),
			description: role.description ? String(role.description) : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The permission tree (3.1) flattened for the Permissions multi-select; names show their parents. */
export async function getPermissions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const answer = await yunkeApiRequest.call(this, {
		method: 'POST',
		endpoint: ENDPOINTS.permissionTree,
		body: { roleid: PERMISSION_TREE_ANY_ROLE },
		idempotent: true,
	});
	const nodes = extractList(answer).items;
	const byId = new Map(nodes.map((node) => [Number(node.id), node]));
	const path = (node: IDataObject, depth = 0): string => {
		const parent = byId.get(Number(node.parent_id));
		const own = String(node.display_name ?? node.name ?? node.id);
		return parent && parent !== node && depth < 8 ? `${path(parent, depth + 1)} › ${own}` : own;
	};
	return nodes.map((node) => ({ name: path(node), value: Number(node.id) })).sort((a, b) => a.name.localeCompare(b.name));
}

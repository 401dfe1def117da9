import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IVersionedNodeType } from 'n8n-workflow';

import { CURRENT_LINE, toolPaths } from '../scripts/n8n/tools';

export interface LoadedHttpRequestNode {
	node?: IVersionedNodeType;
	/** the version the editor adds (`defaultVersion`) */
	version?: number;
	/** what was loaded, or why not and what the figure stands for instead */
	note: string;
}

/**
 * n8n's own HTTP Request node, from the n8n-nodes-base of the installed n8n (`npm run n8n:install`,
 * N8N_TOOLS_DIR). It runs in this process's engine (n8n-core of the devDependencies) like our node.
 */
export function loadHttpRequestNode(): LoadedHttpRequestNode {
	const file = path.join(toolPaths().n8nDir, 'node_modules', 'n8n-nodes-base', 'dist', 'nodes', 'HttpRequest', 'HttpRequest.node.js');
	if (!fs.existsSync(file)) {
		return { note: `HTTP Request node not measured (http_request_s=n/a): no n8n-nodes-base at ${file}; run npm run n8n:install or set N8N_TOOLS_DIR` };
	}
	const { HttpRequest } = require(file) as { HttpRequest: new () => IVersionedNodeType };
	const node = new HttpRequest();
	const version = node.description.defaultVersion ?? Math.max(...Object.keys(node.nodeVersions).map(Number));
	return { node, version, note: `HTTP Request node ${version} from n8n-nodes-base of n8n ${CURRENT_LINE.n8nVersion} (${path.dirname(file)})` };
}

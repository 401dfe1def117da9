import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	INode,
	IWebhookFunctions,
} from 'n8n-workflow';

/** Every n8n context that may call the Yunke API: node execution, dropdowns, trigger lifecycle. */
export type YunkeContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export const CREDENTIAL_TYPE = 'yunkeApi';

const nodes = new WeakMap<YunkeContext, INode>();

/** The node of this context, copied once: n8n's `getNode()` deep-copies it (parameters included) on every call. */
export function nodeOf(ctx: YunkeContext): INode {
	let node = nodes.get(ctx);
	if (!node) nodes.set(ctx, (node = ctx.getNode()));
	return node;
}

/** The Yunke credential the node is set to (id and name; empty when none). */
export function credentialReference(ctx: YunkeContext): { id: string; name: string } {
	const reference = nodeOf(ctx).credentials?.[CREDENTIAL_TYPE];
	return { id: reference?.id ?? '', name: reference?.name ?? '' };
}

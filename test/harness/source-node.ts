import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

export const SOURCE_NODE_TYPE = 'test.items';

export interface BinaryInput {
	data: Buffer | string;
	mimeType?: string;
	fileName?: string;
}

export type InputItem = IDataObject | { json: IDataObject; binary?: Record<string, BinaryInput> };

interface SerializedItem {
	json: IDataObject;
	binary?: Record<string, { base64: string; mimeType?: string; fileName?: string }>;
}

type WrappedItem = { json: IDataObject; binary?: Record<string, BinaryInput> };

/** `{ json, binary? }` is taken as an n8n item; anything else is the item's json. */
const isWrapped = (item: InputItem): item is WrappedItem =>
	typeof item.json === 'object' &&
	item.json !== null &&
	Object.keys(item).every((k) => k === 'json' || k === 'binary');

function serialize(items: InputItem[]): string {
	const serialized: SerializedItem[] = items.map((item) => {
		if (!isWrapped(item)) return { json: item };
		const binary = item.binary
			? Object.fromEntries(
					Object.entries(item.binary).map(([key, { data, mimeType, fileName }]) => [
						key,
						{ base64: Buffer.from(data).toString('base64'), mimeType, fileName },
					]),
				)
			: undefined;
		return { json: item.json, binary };
	});
	return JSON.stringify(serialized);
}

/**
 * Emits fixed items; binary entries go through the real `helpers.prepareBinaryData`,
 * so downstream nodes see binary exactly as stored by the active BinaryDataService.
 */
export class TestItemsNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Items',
		name: SOURCE_NODE_TYPE,
		group: ['input'],
		version: 1,
		description: 'Emits fixed items (test harness only)',
		defaults: { name: 'Input' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'string', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNode().parameters.items as string;
		const items = JSON.parse(raw) as SerializedItem[];
		const output: INodeExecutionData[] = [];
		for (const [index, item] of items.entries()) {
			const out: INodeExecutionData = { json: item.json, pairedItem: { item: 0 } };
			if (item.binary) {
				out.binary = {};
				for (const [key, { base64, mimeType, fileName }] of Object.entries(item.binary)) {
					out.binary[key] = await this.helpers.prepareBinaryData(
						Buffer.from(base64, 'base64'),
						fileName,
						mimeType,
					);
				}
			}
			output[index] = out;
		}
		return [output];
	}
}

export function inputNode(items: InputItem[], name = 'Input'): INode {
	return {
		id: 'harness-input',
		name,
		type: SOURCE_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: serialize(items) },
	};
}

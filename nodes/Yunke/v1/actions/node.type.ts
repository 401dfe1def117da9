import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

export type YunkeResource =
	| 'callRecord'
	| 'callTime'
	| 'callback'
	| 'customer'
	| 'doNotDisturb'
	| 'extension'
	| 'role'
	| 'script'
	| 'skillGroup'
	| 'subAccount'
	| 'task';

/**
 * Most operations: one call (or one paginated walk) per input item. Each record returned becomes the `json` of
 * one output item as it is: a record with fields named `json`, `binary` or `pairedItem` stays data.
 */
export interface ItemOperation {
	kind?: 'item';
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

/** Operations that can return a file: they build whole items (`json` + `binary`) per input item. */
export interface BinaryOperation {
	kind: 'binary';
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
}

/**
 * Operations that must see all input items at once (imports batch rows into chunks). They return
 * finished items with `pairedItem` set and handle continue-on-fail themselves.
 */
export interface BatchOperation {
	kind: 'batch';
	description: INodeProperties[];
	executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]>;
}

export type YunkeOperation = ItemOperation | BinaryOperation | BatchOperation;

export interface YunkeResourceDefinition {
	description: INodeProperties[];
	operations: Record<string, YunkeOperation>;
}

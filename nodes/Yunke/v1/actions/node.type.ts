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

/** What one operation returns for one input item: json rows, or full items (binary). */
export type OperationResult = IDataObject | IDataObject[] | INodeExecutionData[];

/** Most operations: one call (or one paginated walk) per input item. */
export interface ItemOperation {
	kind?: 'item';
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
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

export type YunkeOperation = ItemOperation | BatchOperation;

export interface YunkeResourceDefinition {
	description: INodeProperties[];
	operations: Record<string, YunkeOperation>;
}

import { DataDeduplicationService } from 'n8n-core';
import type { IDataDeduplicator } from 'n8n-workflow';

import { ProcessedDataTable } from './processedData';

/**
 * n8n's processed-data service (what `this.helpers.checkProcessedAndRecord` and its siblings reach
 * through n8n-core's `DataDeduplicationService`) for executions run by the in-process engine, backed
 * by the port of n8n's table in processedData.ts. The n8n CLI initialises the service at start; the
 * harness does not, so a test file whose executions use it calls this once.
 */
let table: ProcessedDataTable | undefined;

export function useProcessedDataTable(): ProcessedDataTable {
	if (table) return table;
	const current = new ProcessedDataTable();
	table = current;
	const helpers = (contextData: Parameters<IDataDeduplicator['getProcessedDataCount']>[1]) =>
		current.helpersFor(contextData.workflow.id, contextData.node?.id ?? '');
	const deduplicator: IDataDeduplicator = {
		checkProcessedAndRecord: async (items, scope, contextData, options) => await helpers(contextData).checkProcessedAndRecord(items, scope, options),
		removeProcessed: async (items, scope, contextData, options) => await helpers(contextData).removeProcessed(items, scope, options),
		clearAllProcessedItems: async (scope, contextData, options) => await helpers(contextData).clearAllProcessedItems(scope, options),
		getProcessedDataCount: async (scope, contextData, options) => await helpers(contextData).getProcessedDataCount(scope, options),
	};
	void DataDeduplicationService.init(deduplicator);
	return current;
}

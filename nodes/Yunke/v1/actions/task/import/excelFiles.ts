import type { IExecuteFunctions, INodeExecutionData, NodeOperationError } from 'n8n-workflow';

import { readExcelUpload } from '../../../helpers/excelUpload';
import { asNodeError } from '../../itemErrors';
import type { ImportBatch } from './batches';

/**
 * One upload per input item that holds an Excel file. The node never parses the file: Yunke reads it
 * (5.7.1); only its presence and type are checked here, before anything is sent.
 */
export async function excelBatches(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	binaryPropertyName: string,
	continueOnFail: boolean,
): Promise<{ batches: ImportBatch[]; invalid: Array<{ itemIndex: number; error: NodeOperationError }> }> {
	const batches: ImportBatch[] = [];
	const invalid: Array<{ itemIndex: number; error: NodeOperationError }> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const file = await readExcelUpload(ctx, itemIndex, binaryPropertyName, 'upload', 'import');
			batches.push({ kind: 'excel', itemIndexes: [itemIndex], file });
		} catch (error) {
			if (!continueOnFail) throw asNodeError(ctx, error, itemIndex);
			invalid.push({ itemIndex, error: error as NodeOperationError });
		}
	}
	return { batches, invalid };
}

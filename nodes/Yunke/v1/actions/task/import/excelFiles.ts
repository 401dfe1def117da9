import type { IExecuteFunctions, INodeExecutionData, NodeOperationError } from 'n8n-workflow';

import { invalidInput } from '../../../helpers/validation';
import type { ImportBatch } from './batches';
import { asNodeError } from './output';

const EXCEL_TYPES: Record<string, string> = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	xls: 'application/vnd.ms-excel',
};

function excelExtension(fileName: string, mimeType: string): string | undefined {
	const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
	if (extension && extension in EXCEL_TYPES) return extension;
	return Object.keys(EXCEL_TYPES).find((key) => EXCEL_TYPES[key] === mimeType.split(';')[0].trim().toLowerCase());
}

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
			const meta = ctx.helpers.assertBinaryData(itemIndex, binaryPropertyName);
			const fileName = meta.fileName ?? '';
			const extension = excelExtension(fileName, meta.mimeType ?? '');
			if (!extension) {
				throw invalidInput(
					ctx,
					itemIndex,
					`Input Binary Field "${binaryPropertyName}"`,
					`the file "${fileName || '(no name)'}" (${meta.mimeType || 'unknown type'}) is not an Excel file`,
					'Yunke imports only .xlsx and .xls files: convert the file, or import from input items instead',
				);
			}
			const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, binaryPropertyName);
			const name = /\.(xlsx|xls)$/i.test(fileName) ? fileName : `import.${extension}`;
			batches.push({ kind: 'excel', itemIndexes: [itemIndex], file: { field: 'upload', fileName: name, mimeType: EXCEL_TYPES[extension], data } });
		} catch (error) {
			if (!continueOnFail) throw asNodeError(ctx, error, itemIndex);
			invalid.push({ itemIndex, error: error as NodeOperationError });
		}
	}
	return { batches, invalid };
}

import type { IExecuteFunctions } from 'n8n-workflow';

import type { MultipartFile } from '../../shared/multipart';
import { invalidInput } from './validation';
import { ownEntry } from '../../shared/ownEntry';

const EXCEL_TYPES: Record<string, string> = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	xls: 'application/vnd.ms-excel',
};

function excelExtension(fileName: string, mimeType: string): string | undefined {
	const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
	if (extension && ownEntry(EXCEL_TYPES, extension)) return extension;
	return Object.keys(EXCEL_TYPES).find((key) => EXCEL_TYPES[key] === mimeType.split(';')[0].trim().toLowerCase());
}

/**
 * The Excel file of an item's binary property, ready to upload as the form field `uploadField`. The
 * node never parses it (Yunke does); only its presence and type (.xlsx/.xls by name or MIME type)
 * are checked, before anything is sent.
 */
export async function readExcelUpload(
	ctx: IExecuteFunctions,
	itemIndex: number,
	binaryPropertyName: string,
	uploadField: string,
	defaultBaseName: string,
): Promise<MultipartFile> {
	const meta = ctx.helpers.assertBinaryData(itemIndex, binaryPropertyName);
	const fileName = meta.fileName ?? '';
	const extension = excelExtension(fileName, meta.mimeType ?? '');
	if (!extension) {
		throw invalidInput(
			ctx,
			itemIndex,
			`Input Binary Field "${binaryPropertyName}"`,
			`the file "${fileName || '(no name)'}" (${meta.mimeType || 'unknown type'}) is not an Excel file`,
			'Yunke accepts only .xlsx and .xls files: convert the file first, for example with the Convert to File node',
		);
	}
	const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, binaryPropertyName);
	const name = /\.(xlsx|xls)$/i.test(fileName) ? fileName : `${defaultBaseName}.${extension}`;
	return { field: uploadField, fileName: name, mimeType: EXCEL_TYPES[extension], data };
}

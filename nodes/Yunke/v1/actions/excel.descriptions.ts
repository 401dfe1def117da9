import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/*
 * The two fields of every operation that takes its rows either from an Excel file in a binary field or from
 * somewhere else (Task import, Customer Import, Do-Not-Disturb Add); the file is read with `readExcelUpload`.
 */

interface SourceChoice {
	/** the parameter's name; 'source' unless given */
	name?: string;
	displayName?: string;
	/** what the Excel File choice does */
	excel: string;
	/** the other choice, which is the default */
	other: INodePropertyOptions;
}

/** Excel File or the other source; the value of the Excel choice is always `excel`. */
export function excelSourceField({ name = 'source', displayName = 'Source', excel, other }: SourceChoice): INodeProperties {
	const otherValue = other.value;
	return {
		displayName,
		name,
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Excel File', value: 'excel', description: excel }, other],
		default: otherValue,
	};
}

/** The input binary field holding the file, shown when the source parameter is `excel`. */
export function inputBinaryField(hint = 'The name of the input binary field containing the .xlsx or .xls file', sourceName = 'source'): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint,
		displayOptions: { show: { [sourceName]: ['excel'] } },
	};
}

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { PHONE_COLUMN_PATTERN } from '../../../../shared/contract';
import type { MultipartFile } from '../../../../shared/multipart';
import { phpJsonString } from '../../../../shared/phpJson';
import { readExcelUpload } from '../../../helpers/excelUpload';
import { invalidInput, isBlank } from '../../../helpers/validation';
import { normalisePhoneNumber, PHONE_NUMBER_HELP, type RepeatedNumber } from '../../../helpers/phoneNumber';
import { failedItem } from '../../itemErrors';
import { fetchImportTemplate, type TemplateColumn } from '../../script/importTemplate';
import type { ImportSettings } from './settings';

// Stage 2 of an import (runImport.ts): the input items as template rows (5.11 columns, mapping, checks)
// or Excel files, cut into one batch per request.

/** An item that failed its checks, and its Continue-On-Fail error item. */
type InvalidItem = { itemIndex: number; errorItem: INodeExecutionData };

/** One import request: a chunk of mapped rows, or one Excel file. */
export type ImportBatch =
	| { kind: 'rows'; start: number; end: number; itemIndexes: number[] }
	| { kind: 'excel'; itemIndexes: number[]; file: MultipartFile };

/** What the run sends: the mapped rows (none for Excel files), their batches, and the items that failed their checks. */
export interface ImportRows {
	rows: MappedRows | undefined;
	batches: ImportBatch[];
	invalid: InvalidItem[];
}

/** The rows of every item mapped to template columns (or the Excel files), in request-sized batches. */
export async function readImportRows(ctx: IExecuteFunctions, items: INodeExecutionData[], settings: ImportSettings): Promise<ImportRows> {
	if (settings.dataSource === 'excel') return await excelBatches(ctx, items, settings.binaryPropertyName);
	const { columns } = await fetchImportTemplate(ctx, settings.projectSn, 0);
	if (columns.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'The script has no import template', {
			description: 'The chosen script defines no import columns. Pick another script or complete its template in the Yunke console.',
			itemIndex: 0,
		});
	}
	const rows = mapItemsToRows(ctx, items, columns, settings);
	return { rows, batches: rowBatches(rows, settings.chunkSize), invalid: rows.invalid };
}

/** Consecutive chunks of at most `chunkSize` rows; the first creates the task, the rest append. */
function rowBatches(rows: MappedRows, chunkSize: number): ImportBatch[] {
	const batches: ImportBatch[] = [];
	for (let start = 0; start < rows.itemIndexes.length; start += chunkSize) {
		const end = Math.min(start + chunkSize, rows.itemIndexes.length);
		batches.push({ kind: 'rows', start, end, itemIndexes: rows.itemIndexes.slice(start, end) });
	}
	return batches;
}

/** One upload per input item with an Excel file; only its presence and type are checked: Yunke reads it (5.7.1). */
async function excelBatches(ctx: IExecuteFunctions, items: INodeExecutionData[], binaryPropertyName: string): Promise<ImportRows> {
	const result: ImportRows = { rows: undefined, batches: [], invalid: [] };
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const file = await readExcelUpload(ctx, itemIndex, binaryPropertyName, 'upload', 'import');
			result.batches.push({ kind: 'excel', itemIndexes: [itemIndex], file });
		} catch (error) {
			result.invalid.push({ itemIndex, errorItem: failedItem(ctx, error, [itemIndex]) });
		}
	}
	return result;
}

/** The rows of one run, in template column order, each remembering the input item it came from. */
export interface MappedRows {
	columns: TemplateColumn[];
	/** each row's phone-column values joined by commas (for pairing rejected rows with their items) */
	phones: string[];
	itemIndexes: number[];
	/** The row at `position` as its `client_info_json` text, built again from its item when its chunk is sent:
	 * holding 300,000 built rows for the whole run would cost more memory than mapping twice. */
	encode(position: number): string;
	/** items that failed the checks (only collected with Continue On Fail; otherwise the first one throws) */
	invalid: InvalidItem[];
	/** items not sent because an earlier item of this run has the same number (Yunke would call it twice or count a repeat) */
	duplicates: RepeatedNumber[];
}

type MappingOptions = Pick<ImportSettings, 'mappingMode' | 'ignoreUnknownFields'>;

/** A cell value as the platform stores it: text, trimmed; objects as JSON. */
function cellText(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/**
 * Turns input items into template rows and checks them before anything is sent: unknown fields,
 * required (`*`) columns, phone numbers. Every failure names the item and the field.
 */
export function mapItemsToRows(ctx: IExecuteFunctions, items: INodeExecutionData[], columns: TemplateColumn[], options: MappingOptions): MappedRows {
	const resolveField = autoFieldResolver(columns);
	const keys = columns.map((column) => `${phpJsonString(column.key)}:`);
	const phoneColumns = columns.flatMap((column, index) => (column.isPhone ? [index] : []));
	// the number that identifies the person: the required phone column (`*电话`), else the first one
	const personColumn = phoneColumns.find((index) => columns[index].required) ?? phoneColumns[0];
	const firstItemByPhone = new Map<string, number>();
	const buildRow = (itemIndex: number): BuiltRow => {
		const row =
			options.mappingMode === 'defineBelow'
				? explicitRow(ctx, itemIndex, columns, options.ignoreUnknownFields)
				: autoRow(ctx, itemIndex, items[itemIndex].json, columns, resolveField, options.ignoreUnknownFields);
		checkRow(ctx, itemIndex, columns, row);
		return row;
	};
	const encode = (position: number) => encodeRow(keys, buildRow(result.itemIndexes[position]).values);
	const result: MappedRows = { columns, phones: [], itemIndexes: [], invalid: [], duplicates: [], encode };
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const row = buildRow(itemIndex);
			const person = personColumn === undefined ? '' : row.values[personColumn];
			const first = person ? firstItemByPhone.get(person) : undefined;
			if (first !== undefined) {
				result.duplicates.push({ itemIndex, duplicateOf: first, phone: person });
				continue;
			}
			if (person) firstItemByPhone.set(person, itemIndex);
			result.phones.push(phoneColumns.map((column) => row.values[column]).join(','));
			result.itemIndexes.push(itemIndex);
		} catch (error) {
			result.invalid.push({ itemIndex, errorItem: failedItem(ctx, error, [itemIndex]) });
		}
	}
	return result;
}

/** `{"key":"value",…}` as PHP writes it, so that a chunk is these texts joined (contract `encodeImportRows`). */
function encodeRow(keys: string[], values: string[]): string {
	const pairs = new Array<string>(keys.length);
	for (let column = 0; column < keys.length; column++) pairs[column] = keys[column] + phpJsonString(values[column]);
	// join writes one flat string; `+=` would keep every piece alive in a rope for the whole run
	return `{${pairs.join(',')}}`;
}

interface BuiltRow {
	values: string[];
	/** which item field (or mapped column) filled each column, for error messages */
	sources: string[];
}

type FieldTarget = { column: number; byPattern: boolean } | undefined;

/** Item field → template column: the exact name, the name without `*`, or any phone-like name for the one phone column. */
function autoFieldResolver(columns: TemplateColumn[]): (field: string) => FieldTarget {
	const cache = new Map<string, FieldTarget>();
	const phoneColumns = columns.flatMap((column, index) => (column.isPhone ? [index] : []));
	return (field) => {
		if (cache.has(field)) return cache.get(field);
		let target: FieldTarget;
		const exact = columns.findIndex((column) => column.name === field);
		const bare = exact === -1 ? columns.findIndex((column) => column.key === field) : exact;
		if (bare !== -1) target = { column: bare, byPattern: false };
		else if (phoneColumns.length === 1 && PHONE_COLUMN_PATTERN.test(field)) target = { column: phoneColumns[0], byPattern: true };
		cache.set(field, target);
		return target;
	};
}

function autoRow(
	ctx: IExecuteFunctions,
	itemIndex: number,
	json: IDataObject,
	columns: TemplateColumn[],
	resolveField: (field: string) => FieldTarget,
	ignoreUnknownFields: boolean,
): BuiltRow {
	const values = new Array<string>(columns.length).fill('');
	const sources = columns.map((column) => column.key);
	const byPattern: Array<[number, string, string]> = [];
	for (const field of Object.keys(json)) {
		const target = resolveField(field);
		if (!target) {
			if (ignoreUnknownFields) continue;
			throw invalidInput(
				ctx,
				itemIndex,
				`Field "${field}"`,
				'matches no column of the script import template',
				`The template columns are ${columns.map((column) => column.name).join(', ')}. Rename or remove the field, map the columns manually under Columns, or turn on the option Ignore Unknown Fields`,
			);
		}
		const text = cellText(json[field]);
		if (target.byPattern) byPattern.push([target.column, field, text]);
		else {
			values[target.column] = text;
			sources[target.column] = field;
		}
	}
	for (const [column, field, text] of byPattern) {
		if (values[column] !== '') continue;
		values[column] = text;
		sources[column] = field;
	}
	return { values, sources };
}

function explicitRow(ctx: IExecuteFunctions, itemIndex: number, columns: TemplateColumn[], ignoreUnknownFields: boolean): BuiltRow {
	const mapped = (ctx.getNodeParameter('columns.value', itemIndex, {}) ?? {}) as IDataObject;
	const values = new Array<string>(columns.length).fill('');
	const sources = columns.map((column) => `Columns → ${column.name}`);
	for (const [name, value] of Object.entries(mapped)) {
		const index = columns.findIndex((column) => column.name === name || column.key === name);
		if (index === -1) {
			if (ignoreUnknownFields) continue;
			throw invalidInput(
				ctx,
				itemIndex,
				`Columns → ${name}`,
				'is not a column of the script import template any more',
				'Refresh the column list under Columns (the script template changed) and remove this column',
			);
		}
		values[index] = cellText(value);
	}
	return { values, sources };
}

function checkRow(ctx: IExecuteFunctions, itemIndex: number, columns: TemplateColumn[], row: BuiltRow): void {
	columns.forEach((column, index) => {
		const value = row.values[index];
		if (column.required && isBlank(value)) {
			throw invalidInput(
				ctx,
				itemIndex,
				`Column "${column.name}" (field "${row.sources[index]}")`,
				'is empty but the script import template requires it',
				`Give every item a value in a field named ${column.key}, or map the column under Columns`,
			);
		}
		if (column.isPhone && value !== '') {
			const phone = normalisePhoneNumber(value);
			if (!phone) throw invalidInput(ctx, itemIndex, `Column "${column.name}" (field "${row.sources[index]}")`, `"${value}" is not a phone number`, PHONE_NUMBER_HELP);
			row.values[index] = phone;
		}
	});
}

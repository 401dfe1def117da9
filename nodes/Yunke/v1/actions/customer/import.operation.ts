import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { CUSTOMER_FOLLOW_SET, ENDPOINTS } from '../../../shared/contract';
import { MultipartBody } from '../../../shared/multipart';
import { readExcelUpload } from '../../helpers/excelUpload';
import { locatorValue } from '../../helpers/fields';
import { repeatedNumberItem } from '../../helpers/phoneNumber';
import { yunkeApiRequest } from '../../../transport';
import { optionsField } from '../common.descriptions';
import { excelSourceField, inputBinaryField } from '../excel.descriptions';
import { subAccountLocator } from '../../../methods/locators';
import { failedItem, pairedWith } from '../itemErrors';
import { poolField } from './customer.descriptions';
import { readCustomerRow } from './customerRow';
import { readAccountSns } from './accountSns';
import { addJson, chunkByQuerySize, groupByTarget, withoutRepeatedNumbers, type ImportTarget, type TargetedRow } from './importBatches';

const properties: INodeProperties[] = [
	poolField,
	excelSourceField({
		excel: 'Each input item carries an Excel file of customers, sent as it is: the node does not read the file, so write its numbers as bare digits such as 13800138000',
		other: { name: 'Input Items', value: 'json', description: 'Each input item is one customer; numbers are sent as bare digits, and an item repeating an earlier item’s number is not sent' },
	}),
	{
		displayName: 'Columns',
		name: 'columnMode',
		type: 'options',
		options: [
			{ name: 'Use the Item’s Fields', value: 'item', description: 'Every field of the item becomes a CRM column' },
			{ name: 'Map Columns Below', value: 'mapped' },
		],
		default: 'item',
		displayOptions: { show: { source: ['json'] } },
	},
	{
		displayName: 'Columns',
		name: 'columns',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Column',
		default: {},
		displayOptions: { show: { source: ['json'], columnMode: ['mapped'] } },
		options: [
			{
				displayName: 'Column',
				name: 'column',
				values: [
					{ displayName: 'Column Name', name: 'name', type: 'string', default: '', placeholder: '电话', description: 'CRM column, such as 电话, 姓名 or 地址' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	inputBinaryField(),
	{
		...subAccountLocator,
		displayName: 'Owner',
		name: 'owner',
		description: 'Sub-account that owns the imported customers; in By Sn mode several sns separated by commas share them out',
		displayOptions: { show: { pool: ['private'] } },
	},
	{
		displayName: 'Whether to Take Over Private Customers',
		name: 'takeOverPrivate',
		type: 'boolean',
		default: false,
		description: 'Whether numbers that are private-pool customers are released to the public pool instead of being skipped',
		displayOptions: { show: { pool: ['public'] } },
	},
	optionsField(
		{
			displayName: 'Origin',
			name: 'origin',
			default: CUSTOMER_FOLLOW_SET.manualImport,
			description: 'Where the public-pool customers of the file come from',
			displayOptions: { show: { pool: ['public'], source: ['excel'] } },
		},
		[
			{ name: 'AI Shortlist', value: CUSTOMER_FOLLOW_SET.aiShortlist },
			{ name: 'Manual Import', value: CUSTOMER_FOLLOW_SET.manualImport },
			{ name: 'Opportunity Import', value: CUSTOMER_FOLLOW_SET.opportunityImport },
		],
	),
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['import'] } }, properties);

export const kind = 'batch';

/**
 * Input items become CRM rows; rows with the same pool and owner travel together in GET requests
 * that stay under the query-size limit, each number once (a repeat is its own output item). Excel files go one per item.
 */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const output: INodeExecutionData[] = [];
	const fail = (error: unknown, itemIndexes: number[]) => output.push(failedItem(this, error, itemIndexes));
	const source = this.getNodeParameter('source', 0) as 'json' | 'excel';
	if (source === 'excel') {
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				output.push({ json: await importExcel(this, itemIndex), pairedItem: { item: itemIndex } });
			} catch (error) {
				fail(error, [itemIndex]);
			}
		}
		return [output];
	}
	const readRows: TargetedRow[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			readRows.push({ itemIndex, target: readTarget(this, itemIndex), row: readCustomerRow(this, itemIndex) });
		} catch (error) {
			fail(error, [itemIndex]);
		}
	}
	for (const { target, rows } of groupByTarget(readRows)) {
		const { firsts, repeats } = withoutRepeatedNumbers(rows);
		for (const chunk of chunkByQuerySize(firsts)) {
			const itemIndexes = chunk.map((entry) => entry.itemIndex);
			try {
				const answer = await yunkeApiRequest.call(this, {
					method: 'GET',
					endpoint: target.pool === 'private' ? ENDPOINTS.customerImportPrivateJson : ENDPOINTS.customerImportPublicJson,
					qs: { add_json: addJson(chunk), ...target.params },
					itemIndex: itemIndexes[0],
				});
				output.push({ json: { pool: target.pool, rows: chunk.length, ...importCounts(answer) }, pairedItem: pairedWith(itemIndexes) });
			} catch (error) {
				fail(error, itemIndexes);
			}
		}
		for (const repeat of repeats) output.push(repeatedNumberItem(repeat, { pool: target.pool }));
	}
	return [output];
}

function readTarget(ctx: IExecuteFunctions, itemIndex: number): ImportTarget {
	const pool = ctx.getNodeParameter('pool', itemIndex) as 'private' | 'public';
	if (pool === 'private') {
		const owners = readAccountSns(ctx, itemIndex, 'Owner', locatorValue(ctx, 'owner', itemIndex));
		return { pool, params: { user_sn_input: owners.join(',') } };
	}
	return { pool, params: { auto_ignore: ctx.getNodeParameter('takeOverPrivate', itemIndex, false) ? '1' : '0' } };
}

async function importExcel(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = readTarget(ctx, itemIndex);
	const property = ctx.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const file = await readExcelUpload(ctx, itemIndex, property, 'upload', 'customers');
	const fields: Record<string, string> = Object.fromEntries(Object.entries(target.params).map(([key, value]) => [key, String(value)]));
	if (target.pool === 'public') fields.follow_set_id = String(ctx.getNodeParameter('origin', itemIndex));
	const answer = await yunkeApiRequest.call(ctx, {
		method: 'POST',
		endpoint: target.pool === 'private' ? ENDPOINTS.customerImportPrivateExcel : ENDPOINTS.customerImportPublicExcel,
		body: new MultipartBody(fields, [file]),
		itemIndex,
	});
	return { pool: target.pool, fileName: file.fileName, ...importCounts(answer) };
}

/** 6.7.3's answer, whose counts come as numbers or strings. */
function importCounts(answer: IDataObject): IDataObject {
	return {
		total: Number(answer.total ?? 0),
		imported: Number(answer.success_count ?? 0),
		failed: Number(answer.fail ?? 0),
		duplicates: Number(answer.repeat ?? 0),
	};
}

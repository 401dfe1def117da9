import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { API_KEY_ECHO_FIELD, CANCEL_ROW_FIELDS, ENDPOINTS, envelopeMessage } from '../../../shared/contract';
import { extraVendorFields } from '../../helpers/fields';
import { invalidInput, requireInteger, requirePhone } from '../../helpers/validation';
import { dataOf, yunkeApiRequest } from '../../../transport';
import { additionalVendorFields, optionsField } from '../common.descriptions';
import { taskLocator } from '../../../methods/locators';
import { readTaskReference, resolveTaskSn } from './shared/taskReference';

const properties: INodeProperties[] = [
	taskLocator,
	optionsField({ displayName: 'Cancel By', name: 'cancelBy', default: 'rows' }, [
		{ name: 'Detail Row', value: 'rows', description: 'Rows of the task as Get Details lists them (sn and detail type)' },
		{ name: 'Phone Number', value: 'numbers', description: 'Every waiting row with one of these numbers (slower on Yunke\'s side)' },
	]),
	{
		displayName: 'Rows',
		name: 'rows',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Row',
		default: {},
		displayOptions: { show: { cancelBy: ['rows'] } },
		options: [
			{
				displayName: 'Row',
				name: 'row',
				values: [
					{
						displayName: 'Row Sn',
						name: 'sn',
						type: 'string',
						default: '',
						description: 'The sn of the detail row, from Task → Get Details',
					},
					{
						displayName: 'Detail Type',
						name: 'detailType',
						type: 'number',
						default: 1,
						description: 'The detail_type of the same row, from Task → Get Details',
					},
				],
			},
		],
	},
	{
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 13800138000, 13900139000',
		description: 'Numbers whose waiting calls are cancelled, separated by commas; sent as bare digits (+86, spaces and dashes removed), the form the task holds them in',
		displayOptions: { show: { cancelBy: ['numbers'] } },
	},
	additionalVendorFields(),
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['cancelCalls'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reference = readTaskReference(this, itemIndex);
	const byNumber = this.getNodeParameter('cancelBy', itemIndex) === 'numbers';
	const selection = byNumber ? readNumbers(this, itemIndex) : readRows(this, itemIndex);
	const extra = extraVendorFields(this, itemIndex, Object.keys(selection));
	const sn = await resolveTaskSn(this, itemIndex, reference);
	const response = await yunkeApiRequest.call(this, {
		method: 'POST',
		endpoint: byNumber ? ENDPOINTS.taskCancelCallsByNumber : ENDPOINTS.taskCancelCalls,
		body: { dial_task_main_sn: sn, ...selection, ...extra },
		itemIndex,
	});
	const data = dataOf(response);
	return {
		dial_task_main_sn: sn,
		requested: Number(data.total ?? 0),
		cancelled: Number(data.success ?? 0),
		notCancelled: Number(data.fail ?? 0),
		message: envelopeMessage(response),
	};
}

function readRows(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const rows = (ctx.getNodeParameter('rows.row', itemIndex, []) as Array<{ sn?: string; detailType?: unknown }>) ?? [];
	if (rows.length === 0) throw invalidInput(ctx, itemIndex, 'Rows', 'no row given', 'Add at least one row with its sn and detail type from Task → Get Details');
	const sns: string[] = [];
	const types: number[] = [];
	rows.forEach((row, index) => {
		const sn = String(row.sn ?? '').trim();
		if (!sn) throw invalidInput(ctx, itemIndex, `Rows → Row ${index + 1} → Row Sn`, 'is empty', 'Map the sn of the detail row from Task → Get Details');
		sns.push(sn);
		types.push(requireInteger(ctx, itemIndex, `Rows → Row ${index + 1} → Detail Type`, row.detailType, { min: 0 }));
	});
	return { [CANCEL_ROW_FIELDS.sn]: sns, [CANCEL_ROW_FIELDS.detailType]: types };
}

function readNumbers(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw: unknown = ctx.getNodeParameter('phoneNumbers', itemIndex, '');
	const parts = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(/[,，\n]/)).map((part) => part.trim()).filter(Boolean);
	if (parts.length === 0) throw invalidInput(ctx, itemIndex, 'Phone Numbers', 'is empty', 'Enter one or more numbers separated by commas, for example 13800138000, 13900139000');
	const numbers = [...new Set(parts.map((part) => requirePhone(ctx, itemIndex, 'Phone Numbers', part)))];
	// the signing fills `apikey` with the session key (5.3.2 wants it under that spelling too)
	return { callee: numbers.join(','), [API_KEY_ECHO_FIELD]: '' };
}

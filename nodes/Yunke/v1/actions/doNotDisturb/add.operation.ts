import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DND_UPLOAD_FIELD, ENDPOINTS } from '../../../shared/contract';
import { MultipartBody } from '../../../shared/multipart';
import { readExcelUpload } from '../../helpers/excelUpload';
import { extraVendorFields } from '../../helpers/fields';
import { requireInteger, requirePhone } from '../../helpers/validation';
import { dataOf, yunkeApiRequest, yunkeApiWrite } from '../../../transport';
import { additionalVendorFields, collection } from '../common.descriptions';
import { excelSourceField, inputBinaryField } from '../excel.descriptions';
import { findListedNumber } from './reconcile';

const properties: INodeProperties[] = [
	excelSourceField({
		excel: 'Add every number of an Excel file (columns 电话, 姓名, 单位, 地址, 备注), sent as it is: the node does not read the file, so write its numbers as bare digits such as 13800138000 or they will not match the numbers called',
		other: { name: 'One Number', value: 'number', description: 'Add the number given below' },
	}),
	{
		displayName: 'Phone Number',
		name: 'phone',
		type: 'string',
		default: '',
		required: true,
		placeholder: '13800138000',
		description: 'The number that must not be called; sent as bare digits (+86, spaces and dashes removed), the form Yunke matches calls against',
		displayOptions: { show: { source: ['number'] } },
	},
	inputBinaryField(),
	{
		displayName: 'Block for Days',
		name: 'days',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 0,
		description: 'How many days the numbers stay blocked; 0 blocks them permanently',
	},
	collection(
		'additionalFields',
		[
			{ displayName: 'Address', name: 'address', type: 'string', default: '' },
			{ displayName: 'Company', name: 'unit', type: 'string', default: '', description: 'Company or organisation of the number’s owner' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Name of the number’s owner' },
			{ displayName: 'Remark', name: 'remark', type: 'string', default: '' },
		],
		{ show: { source: ['number'] } },
	),
	additionalVendorFields(),
];

export const description = updateDisplayOptions({ show: { resource: ['doNotDisturb'], operation: ['add'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const source = this.getNodeParameter('source', itemIndex) as 'number' | 'excel';
	const days = requireInteger(this, itemIndex, 'Block for Days', this.getNodeParameter('days', itemIndex), { min: 0 });
	const extra = extraVendorFields(this, itemIndex, ['phone', 'term_value', DND_UPLOAD_FIELD, 'name', 'unit', 'address', 'remark']);
	if (source === 'number') {
		const phone = requirePhone(this, itemIndex, 'Phone Number', this.getNodeParameter('phone', itemIndex));
		const details = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = { phone, term_value: days, ...trimmed(details), ...extra };
		const reconcile = async () => await findListedNumber(this, itemIndex, phone);
		const added = await yunkeApiWrite(this, { method: 'POST', endpoint: ENDPOINTS.dndAdd, body, itemIndex, read: counts, reconcile });
		return { phone, days, ...added };
	}
	const property = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const file = await readExcelUpload(this, itemIndex, property, DND_UPLOAD_FIELD, 'blacklist');
	const fields = Object.fromEntries(Object.entries({ term_value: days, ...extra }).map(([key, value]) => [key, typeof value === 'object' ? JSON.stringify(value) : String(value)]));
	const body = new MultipartBody(fields, [file]);
	const answer = await yunkeApiRequest.call(this, { method: 'POST', endpoint: ENDPOINTS.dndAdd, body, itemIndex });
	return { fileName: file.fileName, days, ...counts(answer) };
}

/** The owner details in the order of the vendor's form (8.4). */
function trimmed(details: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const key of ['name', 'unit', 'address', 'remark']) if (details[key] !== undefined) out[key] = String(details[key]).trim();
	return out;
}

/** 8.4 reports how many numbers were added, rejected and already listed (assumed: docs/vendor-facts.md). */
function counts(answer: IDataObject): IDataObject {
	const data = dataOf(answer);
	return { added: Number(data.success ?? 0), failed: Number(data.fail ?? 0), alreadyListed: Number(data.repeat ?? 0) };
}

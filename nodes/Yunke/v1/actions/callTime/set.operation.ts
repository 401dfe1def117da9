import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CALL_TIME_DAYS, ENDPOINTS } from '../../../shared/contract';
import { extraVendorFields } from '../../helpers/fields';
import { yunkeApiRequest } from '../../../transport';
import { additionalVendorFields } from '../common.descriptions';
import { readCallingHours } from './callTimeRanges';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

// week1 … week7 (contract CALL_TIME_DAYS) are Monday … Sunday.
const properties: INodeProperties[] = [
	{
		displayName: 'Monday',
		name: 'week1',
		type: 'string',
		default: '08:30-12:00,13:30-20:30',
		placeholder: '08:30-12:00,13:30-20:30',
		description: 'Calling hours on Monday: HH:MM-HH:MM ranges separated by commas; empty means no calls that day',
	},
	{
		displayName: 'Tuesday',
		name: 'week2',
		type: 'string',
		default: '08:30-12:00,13:30-20:30',
		placeholder: '08:30-12:00,13:30-20:30',
		description: 'Calling hours on Tuesday: HH:MM-HH:MM ranges separated by commas; empty means no calls that day',
	},
	{
		displayName: 'Wednesday',
		name: 'week3',
		type: 'string',
		default: '08:30-12:00,13:30-20:30',
		placeholder: '08:30-12:00,13:30-20:30',
		description: 'Calling hours on Wednesday: HH:MM-HH:MM ranges separated by commas; empty means no calls that day',
	},
	{
		displayName: 'Thursday',
		name: 'week4',
		type: 'string',
		default: '08:30-12:00,13:30-20:30',
		placeholder: '08:30-12:00,13:30-20:30',
		description: 'Calling hours on Thursday: HH:MM-HH:MM ranges separated by commas; empty means no calls that day',
	},
	{
		displayName: 'Friday',
		name: 'week5',
		type: 'string',
		default: '08:30-12:00,13:30-20:30',
		placeholder: '08:30-12:00,13:30-20:30',
		description: 'Calling hours on Friday: HH:MM-HH:MM ranges separated by commas; empty means no calls that day',
	},
	{
		displayName: 'Saturday',
		name: 'week6',
		type: 'string',
		default: '',
		placeholder: '08:30-12:00,13:30-20:30',
		description: 'Calling hours on Saturday: HH:MM-HH:MM ranges separated by commas; empty means no calls that day',
	},
	{
		displayName: 'Sunday',
		name: 'week7',
		type: 'string',
		default: '',
		placeholder: '08:30-12:00,13:30-20:30',
		description: 'Calling hours on Sunday: HH:MM-HH:MM ranges separated by commas; empty means no calls that day',
	},
	{
		displayName: 'Holiday Hours',
		name: 'holiday',
		type: 'string',
		default: '',
		placeholder: '09:00-12:00',
		description: 'Calling hours on public holidays, in the same form; empty means no calls',
	},
	{
		displayName: 'Whether to Apply Holiday Hours',
		name: 'holidayStatus',
		type: 'boolean',
		default: false,
		description: 'Whether public holidays use the holiday hours instead of the weekday’s hours',
	},
	additionalVendorFields(),
];

export const description = updateDisplayOptions({ show: { resource: ['callTime'], operation: ['set'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body: IDataObject = {};
	CALL_TIME_DAYS.forEach((day, index) => {
		body[day] = readCallingHours(this, itemIndex, DAYS[index], this.getNodeParameter(day, itemIndex, ''));
	});
	body.holiday = readCallingHours(this, itemIndex, 'Holiday Hours', this.getNodeParameter('holiday', itemIndex, ''));
	body.holiday_status = this.getNodeParameter('holidayStatus', itemIndex, false) ? 1 : 0;
	Object.assign(body, extraVendorFields(this, itemIndex, Object.keys(body)));
	await yunkeApiRequest.call(this, { method: 'POST', endpoint: ENDPOINTS.callTimeSet, body, itemIndex });
	return { saved: true, ...body };
}

import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CALL_TIME_DAYS, ENDPOINTS } from '../../../shared/contract';
import { dataOf, yunkeApiRequest } from '../../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to name the days (monday … sunday) instead of returning the vendor’s week1 … week7 fields',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['callTime'], operation: ['get'] } }, properties);

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const answer = await yunkeApiRequest.call(this, { method: 'POST', endpoint: ENDPOINTS.callTimeGet, body: {}, itemIndex, idempotent: true });
	const hours = dataOf(answer);
	if (!this.getNodeParameter('simplify', itemIndex, true)) return hours;
	const named: IDataObject = {};
	CALL_TIME_DAYS.forEach((day, index) => (named[DAY_NAMES[index]] = String(hours[day] ?? '')));
	named.holiday = String(hours.holiday ?? '');
	named.holidayCallingEnabled = Number(hours.holiday_status ?? 0) === 1;
	return named;
}

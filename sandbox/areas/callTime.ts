import { ok, VendorFault, type AreaRoutes } from '../routeToolkit';
import { CALL_TIME_DAYS, path } from '../vendor';

const RANGES = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})(,(\d{2}):(\d{2})-(\d{2}):(\d{2}))*$/;

/** 4.3/4.4: the weekly hours in which the tenant's tasks may dial. */
export const callTimeRoutes: AreaRoutes = {
	[path('4.3')]: {
		method: 'POST',
		handler: ({ data }) => ok({ ...data.callTime }, ''),
	},
	[path('4.4')]: {
		method: 'POST',
		handler: ({ data, params }) => {
			// Every day is required (4.4); an empty string means no calling that day.
			for (const day of CALL_TIME_DAYS) {
				if (!params.has(day)) throw new VendorFault(20002);
				checkRanges(params.str(day));
			}
			if (params.has('holiday')) checkRanges(params.str('holiday'));
			const status = params.int('holiday_status', Number(data.callTime.holiday_status ?? 0));
			if (status !== 0 && status !== 1) throw new VendorFault(30008);
			for (const day of CALL_TIME_DAYS) data.callTime[day] = params.str(day);
			if (params.has('holiday')) data.callTime.holiday = params.str('holiday');
			data.callTime.holiday_status = status;
			return ok(undefined, '保存成功');
		},
	},
};

function checkRanges(text: string): void {
	if (text === '') return;
	if (!RANGES.test(text)) throw new VendorFault(30008);
	for (const range of text.split(',')) {
		const [start, end] = range.split('-');
		if (!(start < end) || end > '24:00') throw new VendorFault(30008);
	}
}

import { parseChinaText, type Clock } from './clock';
import type { SandboxShapes } from './readings';
import { VendorFault, type Params } from './routeToolkit';

const DAY_MS = 24 * 3600_000;

/**
 * The creation-date window of 5.1 and 6.1 (`start_create_at` / `end_create_at`, `Y-m-d H:i:s` or
 * `Y-m-d`, China time). Both pages say of an empty field "为空请求当天数据": in the `today` reading an
 * empty bound is today's; in `all` it is open ('' = no bound). A closed range wider than
 * `maxDateRangeDays` days is refused as malformed (20002).
 */
export function creationRange(params: Params, clock: Clock, shapes: SandboxShapes): { from: string; to: string } {
	const today = clock.chinaText().slice(0, 10);
	const emptyMeansToday = shapes.emptyDates === 'today';
	const from = dateParam(params, 'start_create_at', false) || (emptyMeansToday ? `${today} 00:00:00` : '');
	const to = dateParam(params, 'end_create_at', true) || (emptyMeansToday ? `${today} 23:59:59` : '');
	if (shapes.maxDateRangeDays !== 'unlimited' && from && to) {
		const span = (parseChinaText(to) as Date).getTime() - (parseChinaText(from) as Date).getTime();
		if (span > Number(shapes.maxDateRangeDays) * DAY_MS) throw new VendorFault(20002);
	}
	return { from, to };
}

function dateParam(params: Params, key: string, endOfDay: boolean): string {
	const text = params.str(key).trim();
	if (!text) return '';
	if (!parseChinaText(text)) throw new VendorFault(30008);
	return text.length === 10 ? `${text} ${endOfDay ? '23:59:59' : '00:00:00'}` : text;
}

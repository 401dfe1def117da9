import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../../helpers/validation';

const RANGE = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)$/;

/**
 * A day's calling hours as Yunke stores them: `HH:MM-HH:MM` ranges separated by commas, each
 * ending after it starts, in order and not overlapping; empty = no calling that day.
 */
export function readCallingHours(ctx: IExecuteFunctions, itemIndex: number, field: string, raw: unknown): string {
	const ranges = String(raw ?? '')
		.split(/[,，]/)
		.map((range) => range.replace(/\s/g, ''))
		.filter(Boolean);
	let previousEnd = '';
	for (const range of ranges) {
		const match = RANGE.exec(range);
		if (!match || (match[3] === '24' && match[4] !== '00')) {
			throw invalidInput(ctx, itemIndex, field, `"${range}" is not a time range`, 'Write ranges as HH:MM-HH:MM in 24-hour time, several separated by commas, for example 08:30-12:00,13:30-20:30; leave empty for no calling');
		}
		const [start, end] = range.split('-');
		if (end <= start) throw invalidInput(ctx, itemIndex, field, `in "${range}" the end is not after the start`, 'Make each range end later than it starts');
		if (previousEnd && start < previousEnd) {
			throw invalidInput(ctx, itemIndex, field, `"${range}" overlaps or comes before the previous range`, 'List the ranges of a day in time order without overlaps');
		}
		previousEnd = end;
	}
	return ranges.join(',');
}

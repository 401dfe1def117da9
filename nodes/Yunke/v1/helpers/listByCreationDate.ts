import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { creationRange, describeRange, yunkeApiRequestAllInRange, type YunkeRequest } from '../../transport';

/**
 * The rows of a 5.1 or 6.1 list created between the dates the user gave. Where a date is missing the
 * node chooses the range (an empty one would mean today only) and says which in an output hint.
 */
export async function listByCreationDate(
	ctx: IExecuteFunctions,
	request: YunkeRequest & { itemIndex: number },
	dates: { from?: string; to?: string },
	limit: number | undefined,
): Promise<IDataObject[]> {
	const range = creationRange(dates.from, dates.to);
	const read = await yunkeApiRequestAllInRange.call(ctx, request, range, { limit });
	if (!dates.from || !dates.to) ctx.addExecutionHints({ message: `Item ${request.itemIndex}: ${describeRange(range, read)}`, location: 'outputPane' });
	return read.rows;
}

import type { IDataObject } from 'n8n-workflow';

import { ENDPOINTS, PHONE_COLUMN_PATTERN, REQUIRED_COLUMN_PREFIX, importRowKey } from '../../../shared/contract';
import { yunkeApiRequest, type YunkeContext } from '../../../transport';

/** One column of a script's import template (5.11), e.g. `*电话`: required, holds a phone number. */
export interface TemplateColumn {
	/** as the template names it, with the `*` marker */
	name: string;
	/** the name without `*`: the key the row is sent under */
	key: string;
	required: boolean;
	isPhone: boolean;
}

export function parseTemplateColumns(names: string[]): TemplateColumn[] {
	return names
		.map((name) => String(name).trim())
		.filter((name) => name !== '')
		.map((name) => ({
			name,
			key: importRowKey(name),
			required: name.startsWith(REQUIRED_COLUMN_PREFIX),
			isPhone: PHONE_COLUMN_PATTERN.test(name),
		}));
}

/** The column names from 5.11 `exportModel` `type=json`: `data` is `[[...names]]` (or a flat list). */
export function columnNamesFrom(envelope: IDataObject): string[] {
	const data = envelope.data;
	if (!Array.isArray(data)) return [];
	const first = data[0];
	return (Array.isArray(first) ? first : data).map((name) => String(name));
}

export async function fetchTemplateColumns(
	ctx: YunkeContext,
	projectSn: string,
	itemIndex?: number,
): Promise<TemplateColumn[]> {
	const envelope = await yunkeApiRequest.call(ctx, {
		method: 'GET',
		endpoint: ENDPOINTS.scriptTemplate,
		qs: { project_sn: projectSn, type: 'json' },
		itemIndex,
		idempotent: true,
	});
	return parseTemplateColumns(columnNamesFrom(envelope));
}

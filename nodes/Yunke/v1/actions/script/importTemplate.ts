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

/**
 * The one reader of 5.11 `exportModel` with `type=json`, for Script → Get Import Template, the import and
 * the Columns mapper. The vendor page's answer is `{"code":0,"data":[["姓名","*电话",…]]}`: the header
 * row is `data[0]`, a list of names; names are trimmed and a blank cell is no column (no row can be keyed
 * by it). `data` is also returned as Yunke sent it.
 */
export async function fetchImportTemplate(ctx: YunkeContext, projectSn: string, itemIndex?: number): Promise<{ columns: TemplateColumn[]; data: unknown }> {
	const envelope = await yunkeApiRequest.call(ctx, {
		method: 'GET',
		endpoint: ENDPOINTS.scriptTemplate,
		qs: { project_sn: projectSn, type: 'json' },
		itemIndex,
		idempotent: true,
	});
	return { columns: columnsOf(envelope), data: envelope.data };
}

function columnsOf(envelope: IDataObject): TemplateColumn[] {
	const header = Array.isArray(envelope.data) && Array.isArray(envelope.data[0]) ? (envelope.data[0] as unknown[]) : [];
	return header
		.map((cell) => String(cell ?? '').trim())
		.filter((name) => name !== '')
		.map((name) => ({
			name,
			key: importRowKey(name),
			required: name.startsWith(REQUIRED_COLUMN_PREFIX),
			isPhone: PHONE_COLUMN_PATTERN.test(name),
		}));
}

import { phpJsonEncode } from '../phpJson';

// Task imports (5.7; docs/vendor-facts.md), where the vendor is silent (ASSUMED):
// - the platform drops a row whose phone number is already in the task (counted in `repeatCount`);
//   the node does not rely on it: a batch whose answer was lost is sent again only when the task's
//   counts show it never arrived (IMPORT_MARK_ROWS_RECEIVED);
// - `addJson` (sync) answers `data.import_fail_data` (the rejected rows) next to `import_mark`;
// - 5.7.4 `getImportTaskInfo` reports the task's cumulative result over every import into it
//   (`import_mark` sums, `import_fail_data` in import order) and `import_percent` 100 once no import runs.

/**
 * `client_info_json` is `{"data": [row, …]}` keyed by template column, written the way PHP's json_encode
 * writes it (ASCII only, `\uXXXX`): the same data for the server, and a 30,000-row text that is cheap to
 * sign again, as the `url` signature re-encodes every parameter that way. It is sent in one of
 * CLIENT_INFO_JSON_FORMS.
 */
export function encodeImportRows(rows: Array<Record<string, unknown>>): string {
	return phpJsonEncode({ data: rows });
}

/**
 * 5.7.2 `client_info_json` form, split evidence: the docs' table says "json" with a JSON
 * example, and two public client scripts `POST /api/addJson` with it as a nested object `{data:[…]}` inside
 * the JSON body. The node sends the nested object (first form); a tenant answering
 * CLIENT_INFO_JSON_REJECTED (30006, "empty data or bad JSON") to a non-empty batch gets that batch once
 * more as a JSON string (a rejected request created nothing), and the string for the rest of the run.
 * Over a nested body the `url` signature is PHP's json_encode of the decoded array (`[]` for `{}`).
 */
export const CLIENT_INFO_JSON_FORMS = ['object', 'string'] as const;
export type ClientInfoJsonForm = (typeof CLIENT_INFO_JSON_FORMS)[number];
export const CLIENT_INFO_JSON_REJECTED = 30006;

/** Template columns starting with `*` are required (`*电话`); the phone column contains 电话 or 手机. */
export const REQUIRED_COLUMN_PREFIX = '*';
export const PHONE_COLUMN_PATTERN = /电话|手机|phone/i;

/** JSON import rows are keyed by the template column without its `*` marker, as the 5.7.2 example shows (`"电话"`). */
export function importRowKey(templateColumn: string): string {
	return templateColumn.startsWith(REQUIRED_COLUMN_PREFIX) ? templateColumn.slice(REQUIRED_COLUMN_PREFIX.length) : templateColumn;
}

/**
 * Auto-start flag on task creation, sent as `is_zidong` (known from client code only). What a creation
 * without it does is not documented (some tenants dial at once), nor any value for "off".
 */
export const AUTO_START_VALUE = 'on';

/** A row rejected by an import (`import_fail_data`) may carry its reason under this column. ASSUMED */
export const IMPORT_FAIL_REASON_FIELD = '失败原因';

/** `import_mark` counters of 5.7.4 / 5.7.15 with the English names the node outputs. */
export const IMPORT_MARK_NAMES = {
	totalCount: 'total',
	successCount: 'imported',
	failCount: 'failed',
	blacklistCount: 'blacklisted',
	repeatCount: 'duplicate',
	filterCount: 'filtered',
	shiCount: 'realNumberCheck',
	kongCount: 'vacantNumber',
	tingjiCount: 'suspendedNumber',
	kuwuCount: 'notInLibrary',
	chenmoCount: 'silent',
	fenxianCount: 'risky',
	chaopinCount: 'overFrequency',
} as const;

/**
 * The `import_mark` counter of every row an import request carried, whatever became of it. As 5.7.4 adds
 * up every import into the task (above), after a lost append answer the node reads whether this counter
 * grew by the request's rows (landed), stayed (not landed) or moved otherwise (unclear).
 */
export const IMPORT_MARK_ROWS_RECEIVED: keyof typeof IMPORT_MARK_NAMES = 'totalCount';

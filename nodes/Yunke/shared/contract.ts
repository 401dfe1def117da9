/**
 * Every assumption this project makes where the vendor documentation is silent or inconsistent
 * (`yunke-api.md` §7 and §8) lives here, so that a live tenant showing otherwise needs one edit.
 * The sandbox imports the same constants, so node and simulator cannot drift apart.
 */

import { phpJsonEncode } from './phpJson';

/** Vendor paths, by the section of the vendor docs that documents them. */
export const ENDPOINTS = {
	login: '/api/login', // 1.2 / 1.3
	subAccountList: '/api/aiUserDatasapi', // 2.1.1
	subAccountCreate: '/api/aiUserSaveapi', // 2.1.2 (also "create extension", §8)
	subAccountDelete: '/api/aiUserDeleteapi', // 2.1.3
	subAccountUpdate: '/api/aiUserUpdateapi', // 2.1.4
	skillGroupList: '/api/skillGroupListsDataapii', // 2.3.1 (sic)
	skillGroupUpdate: '/api/skillGroupUpdateapi', // 2.3.3
	skillGroupDelete: '/api/skillGroupDeleteapi', // 2.3.4: the docs repeat the list path; ASSUMED
	permissionTree: '/api/getAllPermissionapi', // 3.1
	roleList: '/api/roleGetapi', // 3.2
	roleCreate: '/api/doRoleAddapi', // 3.3
	roleUpdate: '/api/doRoleupdateapi', // 3.4
	roleGet: '/api/roleEditapi', // 3.5
	roleDelete: '/api/roleDelapi', // 3.6
	callTimeGet: '/api/callTimeList', // 4.3
	callTimeSet: '/api/timeSave', // 4.4
	taskList: '/api/index', // 5.1
	taskOperate: '/api/operateTask', // 5.2
	taskCancelCalls: '/api/cancelCall', // 5.3
	taskCancelCallsByNumber: '/api/cancelCallCallee', // 5.3.2
	taskDetails: '/api/getDetailsList', // 5.4
	taskRedialFailed: '/api/failRecall', // 5.5
	taskStoppedDetails: '/api/detailTaskStopList', // 5.6
	taskCreateExcelAsync: '/api/addExcelOfAsync', // 5.7.1
	taskCreateJson: '/api/addJson', // 5.7.2 sync
	taskCreateJsonAsync: '/api/addJsonOfAsync', // 5.7.2 async
	taskImportResult: '/api/getImportTaskInfo', // 5.7.4
	batchCreate: '/api/addBatch', // 5.8.1
	taskDetailStop: '/api/taskDetailStop', // 5.9
	taskBatchStatus: '/api/taskBatchImportStatus', // 5.10
	scriptTemplate: '/api/exportModel', // 5.11 (GET)
	callRecordList: '/api/crmList', // 6.1
	recordingDownload: '/api/cdrDownload', // 6.2 (GET)
	recordingSegmentDownload: '/api/cdrFragmentDownload', // 6.3 (GET)
	callTranscript: '/api/cdrshow', // 6.4
	customerImportPrivateJson: '/api/addCustomerJson', // 6.7.1 (GET)
	customerImportPublicJson: '/api/addPublicCustomerJson', // 6.7.2 (GET)
	customerImportPrivateExcel: '/api/addCustomerExcel', // 6.7.3: the docs repeat the JSON path; ASSUMED
	customerImportPublicExcel: '/api/importPublicCustomerExcle', // 6.7.4 (sic)
	customerList: '/api/customerList', // 6.7.5 (GET)
	customerDeletePublic: '/api/deleteOpen', // 6.7.6 (GET)
	customerGiveUp: '/api/giveUp', // 6.7.7 (GET)
	customerShare: '/api/updateFollowUser', // 6.7.9 (GET)
	scriptList: '/api/templatelist', // 7.1
	scriptGet: '/api/templatedata', // 7.2
	scriptOptions: '/api/getProjects', // 7.8
	dndList: '/api/BlackListListsDataapi', // 8.1
	dndDelete: '/api/BlackListDelete', // 8.2
	dndDownload: '/api/downloadBlacklistapi', // 8.3 (GET)
	dndAdd: '/api/importsExcelapi', // 8.4
	callbackSet: '/api/setCallback', // 9.1
} as const;

export type Endpoint = (typeof ENDPOINTS)[keyof typeof ENDPOINTS];

/** Login `from` values: 1 = access id + md5 sign (1.2), 2 = interface login with username (1.3). */
export const LOGIN_FROM = { accessId: 1, password: '2' } as const;

/** The api_key lives 2 hours; refresh a minute early, as public clients do. */
export const API_KEY_LIFETIME_SECONDS = 2 * 60 * 60;
export const API_KEY_REFRESH_MARGIN_SECONDS = 60;

/** The vendor's signature window for the access-id login timestamp. */
export const LOGIN_TIMESTAMP_WINDOW_SECONDS = 5 * 60;

export const AUTH_RENEW_CODES = [20005, 20006] as const;

export const LIMITS = {
	rowsPerImport: 30000, // 30005
	pendingCalls: 300000, // 30004
	taskCreationsPerDay: 100,
	maxPageSize: 5000, // the largest page public clients use against crmList; ASSUMED for every list
} as const;

/**
 * Envelope rule (§1.3, §8): success = `code` 0 or 200, or `rst` "200", or a list shape
 * (`total` with `data`/`datas`/`list`) that has no non-zero `code`; HTTP status is 200 for business errors.
 */
export function isSuccessEnvelope(body: Record<string, unknown>): boolean {
	const code = body.code === undefined || body.code === null || body.code === '' ? undefined : Number(body.code);
	if (code === 0 || code === 200) return true;
	if (body.rst !== undefined) return String(body.rst) === '200';
	if (code !== undefined) return false;
	const hasList = 'data' in body || 'datas' in body || 'list' in body;
	return hasList || 'total' in body || 'current_page' in body;
}

export function envelopeCode(body: Record<string, unknown>): number | undefined {
	const raw = body.code ?? body.rst;
	if (raw === undefined || raw === null || raw === '') return undefined;
	const code = Number(raw);
	return Number.isFinite(code) ? code : undefined;
}

export function envelopeMessage(body: Record<string, unknown>): string {
	const message = body.msg ?? body.message ?? '';
	return typeof message === 'string' ? message : JSON.stringify(message);
}

/** "Create extension" (§8): a sub-account created through 2.1.2 with these extra fields. */
export const EXTENSION_FIELDS = { extension: 'ext', inboundNumber: 'callin_phone' } as const;

/** Task control verbs of 5.2 `operateTask`; `project_type` is fixed at 2. */
export const TASK_OPERATIONS = {
	pause: 'stop',
	resume: 'keepOn',
	redialFailed: 'failRe',
	delete: 'delete',
	terminate: 'end',
} as const;
export const TASK_PROJECT_TYPE = 2;

/** Task list `status` filter values (5.1). */
export const TASK_STATUS = { sending: 0, sent: 1, paused: 4, terminated: 6 } as const;

/** Auto-start flag on task creation (known from client code only). */
export const AUTO_START_VALUE = 'on';

/**
 * `client_info_json` travels as a JSON string of `{"data": [row, …]}` keyed by template column, written
 * the way PHP's json_encode writes it (ASCII only, `\uXXXX`): the same data for the server, and a
 * 30,000-row text that is cheap to sign again, as the `url` signature re-encodes every parameter that way.
 */
export function encodeImportRows(rows: Array<Record<string, unknown>>): string {
	return phpJsonEncode({ data: rows });
}

/** Template columns starting with `*` are required (`*电话`); the phone column contains 电话 or 手机. */
export const REQUIRED_COLUMN_PREFIX = '*';
export const PHONE_COLUMN_PATTERN = /电话|手机|phone/i;

/** Call-result pushes must be answered with this plain text or the platform retries (3 times). */
export const PUSH_ACK = 'SUCCESS';

/** Intent levels the AI assigns to a call (A best … F worst). */
export const INTENT_LEVELS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/** Hang-up reasons of 6.5 plus the connected state, as the vendor names them. */
export const HANGUP_REASONS = [
	'已接通',
	'关机',
	'空号',
	'停机',
	'正在通话中',
	'用户拒接',
	'无法接通',
	'暂停服务',
	'用户正忙',
	'无人应答',
	'来电提醒',
	'稍后再拨',
	'欠费',
	'其他',
] as const;

/**
 * Sub-account update (2.1.4) documents no key field: the account is named by `user_name` (as 2.1.3
 * deletes by it), so a username cannot be changed; fields left out stay as they are, and a password
 * is only changed when `password` and `re_password` are both sent.
 */
export const SUB_ACCOUNT_KEY = 'user_name';

/** 2.1.3 deletes by this key; `entityInstanceId` carries the user names. */
export const SUB_ACCOUNT_DELETE_PKEY = 'user_name';

/** 2.1.2 requires `organization_id` but no call lists organisations; 1 is the tenant's root organisation (ASSUMED). */
export const DEFAULT_ORGANIZATION_ID = 1;

/** 2.3.3 names the skill group by this key; 2.3.4 sends `entityInstanceId` as a JSON-encoded array. */
export const SKILL_GROUP_PKEY = 'skillgroup_sn';

/** 3.1 requires `roleid`; 0 (no role) returns the whole tree with nothing `checked` (ASSUMED). */
export const PERMISSION_TREE_ANY_ROLE = 0;

/**
 * Roles: 3.3 sends `permission` as a JSON array (3.4's example writes `permission[]`, a PHP form
 * key; JSON is used for both); 3.3 returns no id; 3.5's answer is assumed to carry the role
 * in the usual `{"code":0,"data":{…}}` envelope (the docs show only the role object).
 */
export const ROLE_PERMISSION_FIELD = 'permission';

/** Days of the week in 4.3/4.4: week1 = Monday … week7 = Sunday; `holiday`/`holiday_status` are ASSUMED fields. */
export const CALL_TIME_DAYS = ['week1', 'week2', 'week3', 'week4', 'week5', 'week6', 'week7'] as const;

/**
 * 8.4 answer (not retrieved, ASSUMED): `{"code":0,"msg":"导入成功","data":{"success":n,"fail":n,"repeat":n}}`;
 * `term_value` is the blocking period in days (0 = permanent), `term_time` = created_at + term_value days.
 */
export const DND_UPLOAD_FIELD = 'upload';

/** 6.7.4 `follow_set_id`: where customers imported into the public pool come from. */
export const CUSTOMER_FOLLOW_SET = { aiShortlist: 0, manualImport: -1, opportunityImport: -2 } as const;

/** 6.7.5 `data`: the search object travels as a JSON string in the query (ASSUMED). */
export const CUSTOMER_SEARCH_FIELDS = { nameOrPhone: 'namephone', updatedFrom: 'updated_at_start', updatedTo: 'updated_at_end' } as const;

/**
 * Imports (§3.6, §8), where the vendor is silent:
 * - the platform drops a row whose phone number is already in the task (counted in `repeatCount`),
 *   so re-sending rows into the same task never dials a number twice;
 * - `addJson` (sync) answers `data.import_fail_data` (the rejected rows) next to `import_mark`;
 * - 5.7.4 `getImportTaskInfo` reports the task's cumulative result over every import into it
 *   (`import_mark` sums, `import_fail_data` in import order) and `import_percent` 100 once no import runs;
 * - a rejected row may carry its reason under IMPORT_FAIL_REASON_FIELD;
 * - a task created without `is_zidong` waits paused (5.1 status 4) until 5.2 `keepOn`;
 * - the 101st creation of a day is refused with code 500 and a message (no code is documented).
 */
export const IMPORT_FAIL_REASON_FIELD = '失败原因';

/** 5.7.2 `source` (task name): "only Chinese/English letters, parentheses and digits". */
export const TASK_NAME_PATTERN = /^[\u4e00-\u9fa5A-Za-z0-9()（）]+$/;

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

/** 5.1 answers `status` as text (client code); its filter takes the numbers of TASK_STATUS. */
export const TASK_STATUS_TEXT: Record<number, string> = { 0: '发送中', 1: '已发送', 4: '暂停发送', 6: '终止发送' };

/** 5.1 lists only today's tasks when the creation range is empty; "every task" sends this range. ASSUMED */
export const TASK_LIST_ALL_TIME = { from: '2000-01-01 00:00:00', to: '2099-12-31 23:59:59' } as const;

/** 5.5 `recall_manual`: 0 redials into a new task named `task_name`, 1 within the original task (then `task_name` is sent empty; ASSUMED). */
export const REDIAL_TARGET = { newTask: 0, originalTask: 1 } as const;

/**
 * 5.5 answer: `data` = { dial_task_main_sn, dial_task_main_id } of the task that redials (the new one
 * in mode 0) and `count`, the number of rows queued again. ASSUMED (the docs show no answer).
 */
export const REDIAL_RESULT_COUNT_FIELD = 'count';

/** 5.3 carries the docs' PHP-style `sn[]` / `detail_type[]` as JSON arrays under `sn` / `detail_type`. ASSUMED */
export const CANCEL_ROW_FIELDS = { sn: 'sn', detailType: 'detail_type' } as const;

/** 5.3.2 wants the api_key a second time, spelled `apikey`; signing fills it with the session key. */
export const API_KEY_ECHO_FIELD = 'apikey';

/**
 * 5.4 answer (truncated in the docs): `data.info` = the task, `data.list` = its number rows
 * { sn, detail_type, phone, name, call_status, call_count, hangup_reason, status, … template columns }. ASSUMED
 */
export const TASK_DETAIL_CALL_STATUS = { waiting: '待呼叫', dialled: '已呼叫', cancelled: '已取消', stopped: '已停播' } as const;

/** 5.9 stops several detail rows of one task when `sn` is a comma list. ASSUMED */
export const DETAIL_ROW_SEPARATOR = ',';

/** 6.1 `status_search`: which intent the `status_value` levels filter on. */
export const INTENT_FIELDS = { ai: 'status', manual: 'status_manual' } as const;

/**
 * 6.4 answer: `data.fragment` = rounds, each a list of turns { caption (robot line), title (script
 * node), answer (customer reply, may be empty), vocfile (robot audio), fenduanluyin (segment recording of
 * the reply, for 6.3) }. Field meanings partly ASSUMED.
 */
export const TRANSCRIPT_FIELDS = { robot: 'caption', customer: 'answer', node: 'title', robotAudio: 'vocfile', customerAudio: 'fenduanluyin' } as const;

/**
 * Pushes (§4.1, §4.2) and their settings (9.1 `setCallback`). ASSUMED where the vendor is silent:
 * - the platform POSTs to the configured URL exactly as given, query string included (the trigger's
 *   secret token travels as `?token=`);
 * - after a first attempt that is not answered with PUSH_ACK it retries PUSH_RETRIES more times;
 * - `open_callback` switches only call-result pushes; import pushes go out whenever
 *   `task_callback_url` is set, and an empty `task_callback_url` switches them off;
 * - an import push is told apart from a call result by its shape: `dial_task_main_sn` + `import_mark`, no `sn`;
 *   `import_mark` is an object of counts on success and a text (the reason) on failure;
 * - a call was answered when `hangup_reason` is CONNECTED_REASON (when absent: `talktimes` > 0);
 *   the AI intent level is the first letter (A–F) of `status`.
 */
export const PUSH_RETRIES = 3;
export const CALLBACK_FIELDS = {
	pushOn: 'open_callback',
	callResultUrl: 'callback_url',
	importUrl: 'task_callback_url',
} as const;
export const PUSH_SWITCH = { on: 1, off: 0 } as const;
export const CONNECTED_REASON = '已接通';
export const CALLBACK_URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

/** JSON import rows are keyed by the template column without its `*` marker, as the 5.7.2 example shows (`"电话"`). */
export function importRowKey(templateColumn: string): string {
	return templateColumn.startsWith(REQUIRED_COLUMN_PREFIX) ? templateColumn.slice(REQUIRED_COLUMN_PREFIX.length) : templateColumn;
}

/**
 * CRM imports (6.7.1/6.7.2) are GET requests, so the rows travel in the query string: one request
 * carries at most this many bytes of `add_json` (nginx's default request line is 8 KB; ASSUMED).
 * The JSON imports answer like 6.7.3 (`total`, `success_count`, `fail`, `repeat`, `rst` "200"; ASSUMED),
 * and the list (6.7.5) answers `{"code":0,"data":{"total":n,"list":[…]}}` (ASSUMED).
 */
export const CUSTOMER_IMPORT_MAX_QUERY_BYTES = 6000;

/** The CRM's own column names for the phone number and the name (6.7.1 example `{"姓名","电话","地址"}`). */
export const CUSTOMER_COLUMNS = { phone: '电话', name: '姓名' } as const;

/**
 * Lost answers (a reset, timeout or broken answer after the server may have applied a write), ASSUMED
 * where the vendor is silent: these writes set values (2.1.4, 2.3.3, 3.4, 4.4, 9.1) or add numbers the
 * platform de-duplicates (8.4, counted as `repeat`), so sending one twice changes nothing more and the
 * transport sends it once more. Creations and deletions are looked up instead (2.1.1 by `user_name`,
 * 3.2 by name, 5.1 by task status, 8.1 by number or id); anything else fails with a clear error, unsent.
 */
export const RESEND_SAFE_ENDPOINTS: readonly string[] = [
	ENDPOINTS.subAccountUpdate,
	ENDPOINTS.skillGroupUpdate,
	ENDPOINTS.roleUpdate,
	ENDPOINTS.callTimeSet,
	ENDPOINTS.dndAdd,
	ENDPOINTS.callbackSet,
];

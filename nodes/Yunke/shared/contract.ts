/**
 * Every assumption this project makes where the vendor documentation is silent or inconsistent
 * (`yunke-api.md` §7 and §8) lives here, so that a live tenant showing otherwise needs one edit.
 * The sandbox imports the same constants, so node and simulator cannot drift apart.
 */

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

/** `client_info_json` travels as a JSON string of `{"data": [row, …]}` keyed by template column. */
export function encodeImportRows(rows: Array<Record<string, unknown>>): string {
	return JSON.stringify({ data: rows });
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

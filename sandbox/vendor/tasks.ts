/** Outbound tasks (5.1–5.10) and their imports (5.7.x), as the vendor pages describe them. */

/** 5.1 `status` filter: 0 发送中, 1 已发送, 4 暂停发送, 6 终止发送. */
export const TASK_STATUS = { sending: 0, sent: 1, paused: 4, terminated: 6 } as const;

/** 5.1 answers `status` as text (public client code shows `"status":"发送中"`). */
export const TASK_STATUS_TEXT: Readonly<Record<number, string>> = { 0: '发送中', 1: '已发送', 4: '暂停发送', 6: '终止发送' };

/** 5.2 `oper` verbs; `project_type` is fixed at 2. */
export const TASK_OPERATIONS = { pause: 'stop', resume: 'keepOn', redialFailed: 'failRe', delete: 'delete', terminate: 'end' } as const;
export const TASK_PROJECT_TYPE = 2;

/** 5.5 `recall_manual`: 0 redials into a new task named `task_name`, 1 within the original task. */
export const REDIAL_TARGET = { newTask: 0, originalTask: 1 } as const;

/** 5.7.2 `source`: "only Chinese/English letters, parentheses and digits". */
export const TASK_NAME_PATTERN = /^[\u4e00-\u9fa5A-Za-z0-9()（）]+$/;

/** 5.7.2 `is_zidong`, known from public client code only: `"on"` starts dialling at creation. */
export const AUTO_START_VALUE = 'on';

/** 5.11: template columns marked required start with `*` (`*电话`); the phone column names 电话 or 手机. */
export const REQUIRED_COLUMN_PREFIX = '*';
export const PHONE_COLUMN_PATTERN = /电话|手机/;

/** 5.7.3 import states: 1 importing; 20 imported (the task itself not necessarily sent). */
export const IMPORT_STATE = { running: 1, done: 20 } as const;

/** 5.7.4 / 5.7.15 `import_mark` counters, in the order the pages print them. */
export const IMPORT_MARK_KEYS = [
	'totalCount',
	'failCount',
	'blacklistCount',
	'repeatCount',
	'successCount',
	'filterCount',
	'shiCount',
	'kongCount',
	'tingjiCount',
	'kuwuCount',
	'chenmoCount',
	'fenxianCount',
	'chaopinCount',
] as const;

/**
 * 5.4 rows: the page is cut before the row fields, so `call_status` texts and the rejected-row reason
 * column of `import_fail_data` (5.7.4 prints rows of template columns only) are the sandbox's own.
 */
export const DETAIL_CALL_STATUS = { waiting: '待呼叫', dialled: '已呼叫', cancelled: '已取消', stopped: '已停播' } as const;
export const IMPORT_FAIL_REASON_FIELD = '失败原因';

// Tasks (5.1–5.10): control verbs, statuses, redial, cancel and detail rows, call outcomes.

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

/** 5.1 answers `status` as text (client code); its filter takes the numbers of TASK_STATUS. */
export const TASK_STATUS_TEXT: Record<number, string> = { 0: '发送中', 1: '已发送', 4: '暂停发送', 6: '终止发送' };

/** 5.7.2 `source` (task name): "only Chinese/English letters, parentheses and digits". */
export const TASK_NAME_PATTERN = /^[\u4e00-\u9fa5A-Za-z0-9()（）]+$/;

/** 5.5 `recall_manual`: 0 redials into a new task named `task_name`, 1 within the original task (then `task_name` is sent empty; ASSUMED). */
export const REDIAL_TARGET = { newTask: 0, originalTask: 1 } as const;

/**
 * 5.5 answer: `data` = { dial_task_main_sn, dial_task_main_id } of the task that redials (the new one
 * in mode 0) and `count`, the number of rows queued again. ASSUMED (the docs show no answer).
 */
export const REDIAL_RESULT_COUNT_FIELD = 'count';

/** 5.3 carries the docs' PHP-style `sn[]` / `detail_type[]` as JSON arrays under `sn` / `detail_type`. ASSUMED */
export const CANCEL_ROW_FIELDS = { sn: 'sn', detailType: 'detail_type' } as const;

/**
 * 5.4 answer (truncated in the docs): `data.info` = the task, `data.list` = its number rows
 * { sn, detail_type, phone, name, call_status, call_count, hangup_reason, status, … template columns }. ASSUMED
 */
export const TASK_DETAIL_CALL_STATUS = { waiting: '待呼叫', dialled: '已呼叫', cancelled: '已取消', stopped: '已停播' } as const;
/** The field of a 5.4 row that holds its number (ASSUMED, as above). */
export const TASK_DETAIL_PHONE = 'phone';

/** 5.9 stops several detail rows of one task when `sn` is a comma list. ASSUMED */
export const DETAIL_ROW_SEPARATOR = ',';

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
 * The English name of each hang-up reason, the one table behind the Redial Failed options and the
 * trigger's `hangupReason`. 停机 (long arrears) and 暂停服务 (recent arrears) are the vendor's two
 * kinds of a line cut off for not paying.
 */
export const HANGUP_REASON_NAMES: Record<(typeof HANGUP_REASONS)[number], string> = {
	已接通: 'Connected',
	关机: 'Switched Off',
	空号: 'Vacant Number',
	停机: 'Suspended (Long Arrears)',
	正在通话中: 'On Another Call',
	用户拒接: 'Rejected',
	无法接通: 'Unreachable',
	暂停服务: 'Service Barred (Recent Arrears)',
	用户正忙: 'Busy',
	无人应答: 'No Answer',
	来电提醒: 'Call Reminder Service',
	稍后再拨: 'Try Again Later',
	欠费: 'Unpaid Bill',
	其他: 'Other',
};

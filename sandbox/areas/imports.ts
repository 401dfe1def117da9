import { ok, VendorFault, type ApiContext, type ApiResponse, type AreaRoutes } from '../routeToolkit';
import {
	AUTO_START_VALUE,
	CREATION_LIMIT_MESSAGE,
	IMPORT_FAIL_REASON_FIELD,
	IMPORT_MARK_KEYS,
	IMPORT_STATE,
	LIMITS,
	path,
	PHONE_COLUMN_PATTERN,
	REQUIRED_COLUMN_PREFIX,
	SERVER_ERROR_CODE,
	TASK_NAME_PATTERN,
	TASK_STATUS,
} from '../vendor';
import { readWorkbook } from '../excel';
import type { SandboxData, Script, Task } from '../state';
import { newTask, newTaskRow } from '../taskModel';
import { isDiallable, storedPhone } from '../phoneNumbers';

/**
 * 5.7.1 / 5.7.2 / 5.7.4: creating tasks from rows, appending rows, and the import result.
 * 5.7.3 is not simulated: no copy of the vendor docs gives its path.
 */
export const importRoutes: AreaRoutes = {
	[path('5.7.2 sync')]: { method: 'POST', handler: (ctx) => importRows(ctx, readJsonRows(ctx), 'sync') },
	[path('5.7.2')]: { method: 'POST', handler: (ctx) => importRows(ctx, readJsonRows(ctx), 'async') },
	[path('5.7.1')]: { method: 'POST', handler: (ctx) => importRows(ctx, readExcelRows(ctx), 'async') },
	[path('5.7.4')]: { method: 'POST', handler: importResult },
};

type Row = Record<string, unknown>;

/** Counts of one import, named as 5.7.4 names them. */
const EMPTY_MARK = Object.fromEntries(IMPORT_MARK_KEYS.map((key) => [key, 0])) as Record<(typeof IMPORT_MARK_KEYS)[number], number>;

/** Rows an async import has accepted but not processed yet, per task (import_percent). */
const pendingImports = new WeakMap<Task, { queued: number; processed: number }>();

/** 5.7.2 `client_info_json` in the one form the tenant accepts (`shapes.clientInfoJson`); the other is 30006. */
function readJsonRows(ctx: ApiContext): Row[] {
	const raw = ctx.params.raw('client_info_json');
	if ((typeof raw === 'string') !== (ctx.shapes.clientInfoJson === 'string')) throw new VendorFault(30006);
	const payload = ctx.params.json<{ data?: unknown }>('client_info_json');
	const rows = payload && typeof payload === 'object' ? payload.data : undefined;
	if (!Array.isArray(rows) || rows.length === 0) throw new VendorFault(30006);
	if (rows.some((row) => !row || typeof row !== 'object' || Array.isArray(row))) throw new VendorFault(30006);
	return rows as Row[];
}

function readExcelRows(ctx: ApiContext): Row[] {
	const upload = ctx.files.find((file) => file.field === 'upload');
	if (!upload || upload.data.length === 0) throw new VendorFault(30001);
	const rows = readWorkbook(upload.data);
	if (!rows) throw new VendorFault(30002);
	if (rows.length === 0) throw new VendorFault(30001);
	return rows;
}

function importRows(ctx: ApiContext, rows: Row[], mode: 'sync' | 'async'): ApiResponse {
	const { data, params } = ctx;
	const script = data.scripts.find((entry) => entry.sn === params.str('project_sn'));
	if (!script || script.columns.length === 0) throw new VendorFault(30003);
	checkSubAccount(data, params.str('ai_user_sn'));
	if (rows.length > LIMITS.rowsPerImport) throw new VendorFault(30005);
	if (waitingRows(data) + rows.length > LIMITS.pendingCalls) throw new VendorFault(30004);
	const appendTo = params.str('dial_task_main_sn');
	const autoStart = params.has('is_zidong') ? params.str('is_zidong') === AUTO_START_VALUE : ctx.shapes.isZidongDefault === 'on';
	const task = appendTo ? existingTask(data, appendTo) : createTask(ctx, script, autoStart);
	const created = !appendTo;
	if (mode === 'sync') {
		const result = addRows(ctx, task, script, rows);
		afterImport(ctx, task, created, autoStart);
		return ok(
			{ dial_task_main_id: task.dial_task_main_id, dial_task_main_sn: task.dial_task_main_sn, ...result },
			'导入成功',
		);
	}
	const pending = pendingImports.get(task) ?? { queued: 0, processed: 0 };
	pending.queued += rows.length;
	pendingImports.set(task, pending);
	task.importStatus = IMPORT_STATE.running;
	task.importPercent = percent(pending);
	const timer = setTimeout(() => {
		addRows(ctx, task, script, rows);
		pending.processed += rows.length;
		task.importPercent = percent(pending);
		if (pending.processed >= pending.queued) {
			pendingImports.delete(task);
			task.importStatus = IMPORT_STATE.done;
			task.importPercent = 100;
		}
		afterImport(ctx, task, created, autoStart);
		ctx.events.importFinished(task.dial_task_main_sn);
	}, ctx.speed.asyncImportMs);
	timer.unref?.();
	return ok({ dial_task_main_id: task.dial_task_main_id, dial_task_main_sn: task.dial_task_main_sn }, '导入中');
}

function percent(pending: { queued: number; processed: number }): number {
	return pending.queued === 0 ? 100 : Math.floor((pending.processed / pending.queued) * 100);
}

function checkSubAccount(data: SandboxData, aiUserSn: string): void {
	if (!aiUserSn) throw new VendorFault(30009);
	const account = data.subAccounts.find((entry) => entry.user_sn === aiUserSn);
	if (!account) throw new VendorFault(30015);
	if (data.account.aiSeats <= 0) throw new VendorFault(30010);
	if (!(Number(account.max_call_count) > 0)) throw new VendorFault(30012);
}

function waitingRows(data: SandboxData): number {
	let waiting = 0;
	for (const task of data.tasks) {
		if (task.deleted) continue;
		for (const row of task.rows) if (row.state === 'waiting') waiting++;
		const pending = pendingImports.get(task);
		if (pending) waiting += pending.queued - pending.processed;
	}
	return waiting;
}

function existingTask(data: SandboxData, sn: string): Task {
	const task = data.tasks.find((entry) => entry.dial_task_main_sn === sn && !entry.deleted);
	if (!task) throw new VendorFault(30011);
	return task;
}

function createTask(ctx: ApiContext, script: Script, autoStart: boolean): Task {
	const { data, params, clock } = ctx;
	const source = params.str('source').trim();
	if (!source || !TASK_NAME_PATTERN.test(source)) throw new VendorFault(20002);
	if (data.tasksCreatedToday >= LIMITS.taskCreationsPerDay) {
		throw new VendorFault(SERVER_ERROR_CODE, CREATION_LIMIT_MESSAGE);
	}
	data.tasksCreatedToday += 1;
	const options: Record<string, unknown> = {};
	for (const [key, value] of params.entries) {
		if (!['user_sn', 'api_key', 'url', 'client_info_json', 'project_sn', 'source', 'ai_user_sn'].includes(key)) options[key] = value;
	}
	const task = newTask(data, clock, {
		source,
		project_sn: script.sn,
		ai_user_sn: params.str('ai_user_sn'),
		status: autoStart ? TASK_STATUS.sending : TASK_STATUS.paused,
		options,
	});
	task.importMark = { ...EMPTY_MARK };
	if (ctx.speed.newTaskListDelayMs > 0) task.listedFrom = Date.now() + ctx.speed.newTaskListDelayMs;
	data.tasks.push(task);
	return task;
}

/** Filters and stores rows the way the platform does; returns this import's counts and rejected rows. */
function addRows(
	{ data, clock, shapes }: ApiContext,
	task: Task,
	script: Script,
	rows: Row[],
): { import_mark: Record<string, number>; import_fail_data: Array<Record<string, string>> } {
	const phoneColumn = script.columns.find((column) => PHONE_COLUMN_PATTERN.test(column)) ?? '';
	const nameColumn = script.columns.find((column) => column.includes('姓名')) ?? '';
	// numbers are compared in the tenant's reading (`shapes.phoneMatch`): as sent, or by their digits
	const blacklist = new Set(data.dnd.map((entry) => storedPhone(shapes, entry.phone)));
	const known = new Set(task.rows.map((row) => storedPhone(shapes, row.phone)));
	const mark = { ...EMPTY_MARK, totalCount: rows.length };
	const failed: Array<Record<string, string>> = [];
	for (const row of rows) {
		const fields: Record<string, string> = {};
		for (const column of script.columns) fields[column] = cell(row, column);
		const phone = storedPhone(shapes, fields[phoneColumn]);
		if (!isDiallable(phone)) {
			mark.failCount++;
			failed.push({ ...fields, [IMPORT_FAIL_REASON_FIELD]: '号码格式错误' });
		} else if (blacklist.has(phone)) {
			mark.blacklistCount++;
		} else if (known.has(phone)) {
			mark.repeatCount++;
		} else {
			known.add(phone);
			mark.successCount++;
			task.rows.push(newTaskRow(data, clock, { phone, name: fields[nameColumn] ?? '', fields }));
		}
	}
	for (const [key, count] of Object.entries(mark)) task.importMark[key] = (task.importMark[key] ?? 0) + count;
	for (const row of failed) task.importFailData.push(row);
	return { import_mark: mark, import_fail_data: failed };
}

/** A row's value for a template column, sent under the column name or without its `*`. */
function cell(row: Row, column: string): string {
	const bare = column.startsWith(REQUIRED_COLUMN_PREFIX) ? column.slice(REQUIRED_COLUMN_PREFIX.length) : column;
	const value = row[column] ?? row[bare];
	return value === undefined || value === null ? '' : String(value).trim();
}

/** Dialling: a new auto-start task runs; rows added to a sending task are dialled; a sent task pauses (5.7.2). */
function afterImport(ctx: ApiContext, task: Task, created: boolean, autoStart: boolean): void {
	if (created) {
		if (autoStart) ctx.events.taskChanged(task.dial_task_main_sn);
		return;
	}
	if (task.status === TASK_STATUS.sent) {
		task.status = TASK_STATUS.paused;
		ctx.events.taskChanged(task.dial_task_main_sn);
	} else if (task.status === TASK_STATUS.sending) {
		ctx.events.taskChanged(task.dial_task_main_sn);
	}
}

function importResult({ data, params }: ApiContext): ApiResponse {
	const id = params.required('dial_task_main_id', 50003);
	const task = data.tasks.find((entry) => String(entry.dial_task_main_id) === id && !entry.deleted);
	if (!task) throw new VendorFault(30011);
	return ok({
		batch: null,
		mark: '',
		dial_task_main_id: task.dial_task_main_id,
		dial_task_main_sn: task.dial_task_main_sn,
		import_percent: task.importPercent,
		import_mark: task.importMark,
		import_fail_data: task.importFailData,
	});
}

import { DETAIL_CALL_STATUS, TASK_STATUS_TEXT } from './vendor';
import type { Clock } from './clock';
import { makeSn, nextId, type CallRecord, type SandboxData, type Task, type TaskRow } from './state';

/** Tasks and their detail rows as 5.1 / 5.4 show them, and the few constructors the areas share. */
export interface NewTask {
	source: string;
	project_sn: string;
	ai_user_sn: string;
	status?: number;
	rows?: Array<{ phone: string; name?: string; fields?: Record<string, string> }>;
	options?: Record<string, unknown>;
}

export function newTask(data: SandboxData, clock: Clock, init: NewTask): Task {
	const now = clock.chinaText();
	const task: Task = {
		dial_task_main_id: nextId(data),
		dial_task_main_sn: makeSn(data, 'dial_task_main_sn'),
		source: init.source,
		project_sn: init.project_sn,
		ai_user_sn: init.ai_user_sn,
		status: init.status ?? 4,
		created_at: now,
		started_at: init.status === 0 ? now : '',
		stoped_at: '',
		rows: [],
		options: init.options ?? {},
		importStatus: 21,
		importPercent: 100,
		importMark: {},
		importFailData: [],
		deleted: false,
	};
	for (const row of init.rows ?? []) task.rows.push(newTaskRow(data, clock, row));
	return task;
}

export function newTaskRow(data: SandboxData, clock: Clock, row: { phone: string; name?: string; fields?: Record<string, string> }): TaskRow {
	return {
		sn: makeSn(data, 'dial_task_detail'),
		detail_type: 1,
		phone: row.phone,
		name: row.name ?? '',
		fields: row.fields ?? {},
		state: 'waiting',
		attempts: 0,
		importedAt: clock.chinaText(),
	};
}

export function liveTasks(data: SandboxData): Task[] {
	return data.tasks.filter((task) => !task.deleted);
}

export function taskBySn(data: SandboxData, sn: string): Task | undefined {
	return liveTasks(data).find((task) => task.dial_task_main_sn === sn);
}

export function taskById(data: SandboxData, id: string | number): Task | undefined {
	return liveTasks(data).find((task) => String(task.dial_task_main_id) === String(id));
}

/** The newest record of every detail row (the row's current call result). */
export function lastRecordByRow(data: SandboxData, task: Task): Map<string, CallRecord> {
	const byRow = new Map<string, CallRecord>();
	for (const record of data.records) {
		if (record.dial_task_main_sn === task.dial_task_main_sn && record.detail_sn) byRow.set(String(record.detail_sn), record);
	}
	return byRow;
}

/** One row of 5.1 `data.list`, with the field names client code reads. */
export function taskView(data: SandboxData, task: Task): Record<string, unknown> {
	const owner = data.subAccounts.find((account) => account.user_sn === task.ai_user_sn);
	const script = data.scripts.find((entry) => entry.sn === task.project_sn);
	const results = lastRecordByRow(data, task);
	const dialled = task.rows.filter((row) => row.state === 'dialled');
	const answered = dialled.filter((row) => results.get(row.sn)?.connected_at).length;
	const total = task.rows.length;
	return {
		dial_task_main_id: task.dial_task_main_id,
		dial_task_main_sn: task.dial_task_main_sn,
		source: task.source,
		status: TASK_STATUS_TEXT[task.status] ?? String(task.status),
		user_sn: task.ai_user_sn,
		user_name: owner?.user_name ?? data.account.username,
		team_sn: data.account.teamSn,
		team_name: data.account.teamName,
		created_at: task.created_at,
		last_modify: task.stoped_at || task.started_at || task.created_at,
		started_at: task.started_at,
		stoped_at: task.stoped_at,
		total_count: total,
		send_count: dialled.length,
		unsend_count: task.rows.filter((row) => row.state === 'waiting').length,
		success: answered,
		fail: dialled.length - answered,
		stops: task.rows.filter((row) => row.state === 'stopped' || row.state === 'cancelled').length,
		percent: total ? `${Math.floor((dialled.length * 100) / total)}%` : '0%',
		remark: '',
		priority: 0,
		project_sn: task.project_sn,
		project_caption: script?.project_caption ?? '',
		percentage: 0,
		batch: null,
		caller_group: data.account.callerGroup,
		mark: '',
		operator: data.account.username,
		parent_sn: data.account.username,
	};
}

/** One row of 5.4 `data.list`. */
export function detailView(task: Task, row: TaskRow, last: CallRecord | undefined): Record<string, unknown> {
	return {
		sn: row.sn,
		detail_type: row.detail_type,
		dial_task_main_sn: task.dial_task_main_sn,
		phone: row.phone,
		name: row.name,
		call_status: DETAIL_CALL_STATUS[row.state],
		call_count: row.attempts,
		hangup_reason: last?.hangup_reason ?? '',
		status: last?.status ?? '',
		talktimes: last?.talktimes ?? 0,
		accounts_sn: last?.sn ?? '',
		created_at: row.importedAt,
		...row.fields,
	};
}

/** 5.4 `data.info`. */
export function detailInfo(data: SandboxData, task: Task): Record<string, unknown> {
	const view = taskView(data, task);
	return {
		task_type: 0,
		is_temporary_stop: task.status === 4 ? 1 : 0,
		cancel_count: task.rows.filter((row) => row.state === 'cancelled').length,
		timed_started_at: task.started_at,
		dial_task_main_sn: task.dial_task_main_sn,
		dial_task_main_id: task.dial_task_main_id,
		success: view.success,
		project_sn: task.project_sn,
		source: task.source,
		status: view.status,
		total_count: view.total_count,
	};
}

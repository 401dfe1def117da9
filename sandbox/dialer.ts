import { buildCallRecord } from './callRecords';
import type { Sandbox } from './server';
import type { CallRecord, SandboxData, Task, TaskRow } from './state';
import { TASK_STATUS } from './vendor';

/** Simulated dialling: running tasks call their waiting rows and produce call records. */
export interface Dialer {
	taskChanged(taskSn: string): void;
	stop(): void;
}

/** Concurrent calls per running task (the tenant's "AI seats" at work). */
export const SEATS_PER_TASK = 3;

/**
 * A task in status 0 (sending) dials its waiting rows, SEATS_PER_TASK at a time, each call taking
 * `sandbox.speed.callMs`. Pausing or terminating stops new calls (calls in progress finish); when no
 * row is left the task becomes 1 (sent). Every finished call is a record in `data.records`.
 */
export function startDialer(sandbox: Sandbox, onCallEnded: (record: CallRecord) => void): Dialer {
	const data = sandbox.data;
	const timers = new Set<NodeJS.Timeout>();
	const calling = new Map<string, Set<TaskRow>>();
	/** Rows before this index are dialled or being dialled, so large tasks are not rescanned per call. */
	const cursors = new Map<string, number>();
	let stopped = false;

	function taskChanged(taskSn: string): void {
		if (stopped || sandbox.data !== data) return;
		const task = data.tasks.find((entry) => entry.dial_task_main_sn === taskSn);
		if (!task || task.deleted || task.status !== TASK_STATUS.sending) return;
		if (!task.started_at) task.started_at = sandbox.clock.chinaText();
		cursors.set(taskSn, 0);
		dialNext(task);
	}

	function dialNext(task: Task): void {
		const busy = calling.get(task.dial_task_main_sn) ?? new Set<TaskRow>();
		calling.set(task.dial_task_main_sn, busy);
		let index = cursors.get(task.dial_task_main_sn) ?? 0;
		for (; index < task.rows.length && busy.size < SEATS_PER_TASK; index++) {
			const row = task.rows[index];
			if (row.state === 'waiting' && !busy.has(row)) call(task, row, busy);
		}
		cursors.set(task.dial_task_main_sn, index);
		if (busy.size === 0 && index >= task.rows.length) finish(task);
	}

	function call(task: Task, row: TaskRow, busy: Set<TaskRow>): void {
		busy.add(row);
		const dialledAt = sandbox.clock.now();
		const timer = setTimeout(() => {
			timers.delete(timer);
			busy.delete(row);
			if (stopped || sandbox.data !== data || row.state !== 'waiting') return;
			row.state = 'dialled';
			row.attempts += 1;
			const record = buildCallRecord(data, sandbox.clock, task, { detailSn: row.sn, phone: row.phone, name: row.name }, dialledAt);
			data.records.push(record);
			onCallEnded(record);
			if (!task.deleted && task.status === TASK_STATUS.sending) dialNext(task);
		}, sandbox.speed.callMs);
		timer.unref?.();
		timers.add(timer);
	}

	function finish(task: Task): void {
		task.status = TASK_STATUS.sent;
		task.stoped_at = sandbox.clock.chinaText();
		sandbox.events.taskChanged(task.dial_task_main_sn);
	}

	// tasks already running when the services (re)start
	for (const task of data.tasks) if (task.status === TASK_STATUS.sending && !task.deleted) taskChanged(task.dial_task_main_sn);

	return {
		taskChanged,
		stop: () => {
			stopped = true;
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
		},
	};
}

/** Every task that still has rows to dial or calls in progress (for tests that wait for the dialler). */
export function isDialling(data: SandboxData): boolean {
	return data.tasks.some((task) => !task.deleted && task.status === TASK_STATUS.sending);
}

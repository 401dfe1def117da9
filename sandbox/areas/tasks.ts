import { ok, page, VendorFault, type ApiContext, type AreaRoutes, type Params } from '../routeToolkit';
import { creationRange } from '../dateRange';
import { storedPhone } from '../phoneNumbers';
import type { SandboxData, Task } from '../state';
import { detailInfo, detailView, lastRecordByRow, liveTasks, newTask, newTaskRow, taskById, taskBySn, taskView } from '../taskModel';
import { CONNECTED, HANGUP_REASONS, path, REDIAL_TARGET, TASK_NAME_PATTERN, TASK_OPERATIONS, TASK_PROJECT_TYPE, TASK_STATUS } from '../vendor';

/** 5.1–5.6, 5.9, 5.10: listing and controlling outbound tasks and their number rows. */
export const taskRoutes: AreaRoutes = {
	[path('5.1')]: { method: 'POST', handler: listTasks },
	[path('5.2')]: { method: 'POST', handler: operateTask },
	[path('5.3')]: { method: 'POST', handler: cancelByRow },
	[path('5.3.2')]: { method: 'POST', handler: cancelByNumber },
	[path('5.4')]: { method: 'POST', handler: detailRows },
	[path('5.5')]: { method: 'POST', handler: redialFailed },
	[path('5.6')]: { method: 'POST', handler: stoppedRows },
	[path('5.9')]: { method: 'POST', handler: stopRows },
	[path('5.10')]: { method: 'POST', handler: batchStatus },
};

function listTasks({ data, params, clock, shapes }: ApiContext) {
	const { from, to } = creationRange(params, clock, shapes);
	const status = params.has('status') && params.str('status') !== '' ? params.int('status', -1) : undefined;
	const owner = params.str('ai_user_sn');
	const ownerName = params.str('ai_user_name');
	const rows = liveTasks(data)
		.filter((task) => task.listedFrom === undefined || task.listedFrom <= Date.now())
		.filter((task) => (!from || task.created_at >= from) && (!to || task.created_at <= to))
		.filter((task) => status === undefined || task.status === status)
		.filter((task) => !owner || task.ai_user_sn === owner)
		.filter((task) => !ownerName || data.subAccounts.find((account) => account.user_sn === task.ai_user_sn)?.user_name === ownerName)
		.sort((a, b) => b.dial_task_main_id - a.dial_task_main_id);
	const { slice, total } = page(rows, params, 5);
	return ok({ list: slice.map((task) => taskView(data, task)), total });
}

function operateTask({ data, params, clock, events, shapes }: ApiContext) {
	if (params.int('project_type', -1) !== TASK_PROJECT_TYPE) throw new VendorFault(20002);
	const keys = params.list('pkeys');
	if (keys.length === 0) throw new VendorFault(50001);
	const oper = params.required('oper');
	if (!(Object.values(TASK_OPERATIONS) as string[]).includes(oper)) throw new VendorFault(20002);
	const byId = keys.every((key) => /^\d+$/.test(key));
	const bySn = keys.every((key) => !/^\d+$/.test(key));
	if (!byId && !bySn) throw new VendorFault(20002); // ids and sns must not be mixed
	// an older 5.2 text: "not the sn"; such a tenant answers success and changes nothing
	if (bySn && shapes.taskPkeys === 'idOnly') return ok(undefined, '操作成功');
	const tasks = keys.map((key) => (byId ? taskById(data, key) : taskBySn(data, key)));
	if (tasks.some((task) => !task)) throw new VendorFault(30011);
	for (const task of tasks as Task[]) {
		applyOperation(data, task, oper, clock.chinaText());
		events.taskChanged(task.dial_task_main_sn);
	}
	return ok(undefined, '操作成功');
}

function applyOperation(data: SandboxData, task: Task, oper: string, now: string): void {
	switch (oper) {
		case TASK_OPERATIONS.pause:
			if (task.status === TASK_STATUS.sending) task.status = TASK_STATUS.paused;
			return;
		case TASK_OPERATIONS.resume:
			if (task.status === TASK_STATUS.paused || task.status === TASK_STATUS.sent) start(task, now);
			return;
		case TASK_OPERATIONS.redialFailed:
			if (task.status !== TASK_STATUS.terminated && requeueFailed(data, task, undefined) > 0) start(task, now);
			return;
		case TASK_OPERATIONS.delete:
			task.deleted = true;
			return;
		case TASK_OPERATIONS.terminate:
			task.status = TASK_STATUS.terminated;
			task.stoped_at = now;
			return;
	}
}

function start(task: Task, now: string): void {
	task.status = TASK_STATUS.sending;
	if (!task.started_at) task.started_at = now;
	task.stoped_at = '';
}

/** Dialled rows whose last call failed (for one of `reasons`, or any reason) wait to be dialled again. */
function requeueFailed(data: SandboxData, task: Task, reasons: string[] | undefined): number {
	const results = lastRecordByRow(data, task);
	let count = 0;
	for (const row of task.rows) {
		const reason = String(results.get(row.sn)?.hangup_reason ?? '');
		if (row.state !== 'dialled' || reason === CONNECTED || (reasons && !reasons.includes(reason))) continue;
		row.state = 'waiting';
		count++;
	}
	return count;
}

function requireTask(data: SandboxData, params: Params): Task {
	const sn = params.required('dial_task_main_sn', 50003);
	const task = taskBySn(data, sn);
	if (!task) throw new VendorFault(30011);
	return task;
}

function cancelByRow({ data, params }: ApiContext) {
	const task = requireTask(data, params);
	const sns = params.list('sn');
	const types = params.list('detail_type');
	if (sns.length === 0) throw new VendorFault(50001);
	if (types.length !== sns.length) throw new VendorFault(20002);
	let success = 0;
	sns.forEach((sn, index) => {
		const row = task.rows.find((entry) => entry.sn === sn && String(entry.detail_type) === types[index]);
		if (row?.state !== 'waiting') return;
		row.state = 'cancelled';
		success++;
	});
	return ok({ total: sns.length, success, fail: sns.length - success }, '操作完成');
}

function cancelByNumber({ data, params, shapes }: ApiContext) {
	if (!params.has('apikey')) throw new VendorFault(20002);
	if (params.str('apikey') !== params.str('api_key')) throw new VendorFault(20005);
	const task = requireTask(data, params);
	const numbers = params.required('callee').split(',').map((phone) => phone.trim()).filter(Boolean);
	const field = params.str('filed');
	let success = 0;
	for (const phone of numbers) {
		const wanted = storedPhone(shapes, phone);
		const rows = task.rows.filter((row) => row.state === 'waiting' && storedPhone(shapes, field ? row.fields[field] : row.phone) === wanted);
		for (const row of rows) row.state = 'cancelled';
		if (rows.length > 0) success++;
	}
	return ok({ total: numbers.length, success, fail: numbers.length - success }, '操作完成');
}

function detailRows({ data, params }: ApiContext) {
	const id = params.required('dial_task_main_id', 50003);
	const task = taskById(data, id);
	if (!task) throw new VendorFault(30011);
	const results = lastRecordByRow(data, task);
	const { slice, total } = page(task.rows, params, 5);
	return ok({ total, info: detailInfo(data, task), list: slice.map((row) => detailView(task, row, results.get(row.sn))) });
}

const REDIAL_REASONS: readonly string[] = HANGUP_REASONS.filter((reason) => reason !== CONNECTED);

function redialFailed({ data, params, clock, events }: ApiContext) {
	const task = requireTask(data, params);
	const target = params.int('recall_manual', -1);
	const reasons = params.required('fail_recall_of_reason').split(',').map((reason) => reason.trim()).filter(Boolean);
	const times = params.int('total_fail_recall_times', -1);
	const interval = params.int('fail_recall_interval', -1);
	const name = params.str('task_name').trim();
	const known = target === REDIAL_TARGET.newTask || target === REDIAL_TARGET.originalTask;
	if (!known || times < 1 || interval < 0 || reasons.some((reason) => !REDIAL_REASONS.includes(reason))) throw new VendorFault(20002);
	const failRecall = { reasons, times, interval };
	if (target === REDIAL_TARGET.originalTask) {
		if (task.status === TASK_STATUS.terminated) throw new VendorFault(30011);
		task.options.failRecall = failRecall;
		const count = requeueFailed(data, task, reasons);
		if (count > 0) start(task, clock.chinaText());
		events.taskChanged(task.dial_task_main_sn);
		return ok({ dial_task_main_sn: task.dial_task_main_sn, dial_task_main_id: task.dial_task_main_id, count }, '操作成功');
	}
	if (!TASK_NAME_PATTERN.test(name)) throw new VendorFault(20002);
	const results = lastRecordByRow(data, task);
	const failed = task.rows.filter((row) => {
		const reason = String(results.get(row.sn)?.hangup_reason ?? '');
		return row.state === 'dialled' && reasons.includes(reason);
	});
	if (failed.length === 0) return ok({ dial_task_main_sn: '', dial_task_main_id: 0, count: 0 }, '没有符合条件的号码');
	const redial = newTask(data, clock, {
		source: name,
		project_sn: task.project_sn,
		ai_user_sn: task.ai_user_sn,
		status: TASK_STATUS.sending,
		options: { failRecall, redialOf: task.dial_task_main_sn },
	});
	redial.rows = failed.map((row) => newTaskRow(data, clock, { phone: row.phone, name: row.name, fields: row.fields }));
	data.tasks.push(redial);
	events.taskChanged(redial.dial_task_main_sn);
	return ok({ dial_task_main_sn: redial.dial_task_main_sn, dial_task_main_id: redial.dial_task_main_id, count: failed.length }, '操作成功');
}

function stoppedRows({ data, params, shapes }: ApiContext) {
	const taskSn = params.str('dial_task_main_sn');
	const phone = storedPhone(shapes, params.str('phone'));
	const sn = params.str('sn');
	const rows = liveTasks(data)
		.filter((task) => !taskSn || task.dial_task_main_sn === taskSn)
		.flatMap((task) =>
			task.rows
				.filter((row) => row.state === 'stopped' && (!phone || storedPhone(shapes, row.phone) === phone) && (!sn || row.sn === sn))
				.map((row) => ({
					dial_task_main_sn: task.dial_task_main_sn,
					source: task.source,
					sn: row.sn,
					detail_type: row.detail_type,
					phone: row.phone,
					name: row.name,
					stop_at: row.stoppedAt ?? '',
				})),
		);
	const { slice, total } = page(rows, params, 50);
	return ok({ total, list: slice });
}

function stopRows({ data, params, clock }: ApiContext) {
	const task = requireTask(data, params);
	const sns = params.list('sn');
	if (sns.length === 0) throw new VendorFault(50003);
	let success = 0;
	for (const sn of sns) {
		const row = task.rows.find((entry) => entry.sn === sn);
		if (row?.state !== 'waiting') continue;
		row.state = 'stopped';
		row.stoppedAt = clock.chinaText();
		success++;
	}
	return { json: { code: 0, total: sns.length, success, msg: `处理完成,请求处理条数${sns.length}, 成功暂停处理条数${success}` } };
}

function batchStatus({ data, params }: ApiContext) {
	const userName = params.str('user_name');
	const owner = userName ? data.subAccounts.find((account) => account.user_name === userName) : undefined;
	if (userName && !owner) throw new VendorFault(30015);
	const pending = liveTasks(data)
		.filter((task) => !owner || task.ai_user_sn === owner.user_sn)
		.some((task) => task.status !== TASK_STATUS.terminated && task.rows.some((row) => row.state === 'waiting'));
	return { json: { code: 0, msg: pending ? '未全部呼叫完成' : '全部呼叫完成', status: pending ? 0 : 1 } };
}

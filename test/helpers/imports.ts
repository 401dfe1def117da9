import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox/server';
import type { Task } from '../../sandbox/state';
import { newTask, newTaskRow } from '../../sandbox/taskModel';

/** Seeded script 房产回访 (columns 姓名, *电话, 地址, 公司名称, 备注) and sub-account agent01. */
export function importTargets(sandbox: Sandbox): { scriptSn: string; subAccountSn: string; emptyScriptSn: string } {
	const script = sandbox.data.scripts.find((entry) => entry.project_name === '房产回访');
	const empty = sandbox.data.scripts.find((entry) => entry.project_name === '空模板');
	return { scriptSn: String(script?.sn), subAccountSn: sandbox.data.subAccounts[0].user_sn, emptyScriptSn: String(empty?.sn) };
}

/** Node parameters of Task → Create with the seeded script and sub-account. */
export function createParameters(sandbox: Sandbox, overrides: INodeParameters = {}): INodeParameters {
	const { scriptSn, subAccountSn } = importTargets(sandbox);
	return {
		resource: 'task',
		operation: 'create',
		script: { __rl: true, mode: 'id', value: scriptSn },
		subAccount: { __rl: true, mode: 'id', value: subAccountSn },
		taskName: '回访九月',
		...overrides,
	};
}

/** Node parameters of Task → Import Data into an existing task. */
export function importIntoParameters(sandbox: Sandbox, task: string, overrides: INodeParameters = {}): INodeParameters {
	return {
		...createParameters(sandbox),
		operation: 'importData',
		into: 'existing',
		task: { __rl: true, mode: 'id', value: task },
		...overrides,
	};
}

/** `n` people with distinct diallable mobiles 13900000000, 13900000001, … */
export function people(n: number, from = 0): Array<Record<string, string>> {
	const items = new Array(n);
	for (let index = 0; index < n; index++) {
		items[index] = { 姓名: `客户${from + index}`, phone: String(13900000000 + from + index) };
	}
	return items;
}

/** The rows the sandbox received in one import request. */
export function sentRows(entry: { params: Record<string, unknown> }): Array<Record<string, string>> {
	const sent = entry.params.client_info_json;
	return (typeof sent === 'string' ? (JSON.parse(sent) as { data: Array<Record<string, string>> }) : (sent as { data: Array<Record<string, string>> })).data;
}

/** Rows of one sync import request, from the sandbox's answer (the log keeps only the head of huge payloads). */
export function rowCountOf(entry: { answer: unknown }): number {
	return Number((entry.answer as { data?: { import_mark?: { totalCount?: number } } }).data?.import_mark?.totalCount);
}

export function onlyTask(sandbox: Sandbox): Task {
	expect(sandbox.data.tasks).toHaveLength(1);
	return sandbox.data.tasks[0];
}

/** A task that already exists in the tenant, with `waiting` rows of the given phones. */
export function seedTask(sandbox: Sandbox, phones: string[], init: { status?: number; source?: string } = {}): Task {
	const { scriptSn, subAccountSn } = importTargets(sandbox);
	const task = newTask(sandbox.data, sandbox.clock, {
		source: init.source ?? '老任务',
		project_sn: scriptSn,
		ai_user_sn: subAccountSn,
		status: init.status ?? 4,
	});
	for (const phone of phones) task.rows.push(newTaskRow(sandbox.data, sandbox.clock, { phone }));
	sandbox.data.tasks.push(task);
	return task;
}

export async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

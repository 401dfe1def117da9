import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { AUTO_START_VALUE, ENDPOINTS } from '../../../../shared/contract';
import { MultipartBody } from '../../../../shared/multipart';
import { yunkeApiRequest } from '../../../transport';
import { asNodeError } from '../../itemErrors';
import { encodeBatchRows, type ImportBatch } from './batches';
import type { MappedRows } from './rows';
import type { ImportSettings } from './settings';
import { listAllTasks, type KnownTask } from './taskList';

export interface TaskRef {
	id: string;
	sn: string;
	name: string;
}

export interface BatchAnswer {
	task: TaskRef;
	/** `data` of the answer; undefined when a lost creation was found in the task list instead */
	data: IDataObject | undefined;
}

interface SubmitContext {
	settings: ImportSettings;
	rows: MappedRows | undefined;
	/** the task the rows go to; undefined until the first batch created it */
	task: TaskRef | undefined;
	taskName: string;
	/** sns of the tasks that existed before this run (to recognise a creation whose answer was lost) */
	tasksBefore: Set<string> | undefined;
	startedAt: string;
}

/**
 * Sends one batch. When the answer is lost after the server may have applied it (timeout, reset,
 * empty or broken answer, HTTP 5xx): a creation is looked up in the task list before it is sent
 * again; an append is sent once more, as the platform drops rows whose phone the task already has.
 */
export async function submitBatch(ctx: IExecuteFunctions, batch: ImportBatch, run: SubmitContext): Promise<BatchAnswer> {
	const request = buildRequest(batch, run);
	try {
		return answerOf(await yunkeApiRequest.call(ctx, request), run);
	} catch (error) {
		if (!answerLost(error)) throw asNodeError(ctx, error, batch.itemIndexes[0]);
		if (!run.task) {
			const created = await findLostCreation(ctx, run);
			if (created) return { task: created, data: undefined };
		}
		return answerOf(await yunkeApiRequest.call(ctx, request), run);
	}
}

function buildRequest(batch: ImportBatch, run: SubmitContext) {
	const { settings } = run;
	const fields: IDataObject = { project_sn: settings.projectSn, source: run.taskName, ai_user_sn: settings.aiUserSn };
	if (run.task) fields.dial_task_main_sn = run.task.sn;
	else if (settings.startDialling) fields.is_zidong = AUTO_START_VALUE;
	if (batch.kind === 'excel') {
		const textFields: Record<string, string> = {};
		for (const [key, value] of Object.entries({ ...fields, ...settings.extraFields })) {
			if (value !== undefined && value !== null) textFields[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
		}
		return { method: 'POST' as const, endpoint: ENDPOINTS.taskCreateExcelAsync, body: new MultipartBody(textFields, [batch.file]), itemIndex: batch.itemIndexes[0] };
	}
	fields.client_info_json = encodeBatchRows(run.rows as MappedRows, batch);
	return {
		method: 'POST' as const,
		endpoint: settings.mode === 'async' ? ENDPOINTS.taskCreateJsonAsync : ENDPOINTS.taskCreateJson,
		body: { ...fields, ...settings.extraFields },
		itemIndex: batch.itemIndexes[0],
	};
}

function answerOf(envelope: IDataObject, run: SubmitContext): BatchAnswer {
	const data = (envelope.data && typeof envelope.data === 'object' ? envelope.data : {}) as IDataObject;
	const id = data.dial_task_main_id ?? run.task?.id;
	const sn = data.dial_task_main_sn ?? run.task?.sn;
	return {
		task: { id: id === undefined || id === null ? '' : String(id), sn: sn === undefined || sn === null ? '' : String(sn), name: run.taskName },
		data,
	};
}

const LOST_ANSWER = new Set(['reset', 'timeout', 'empty', 'notJson']);

/** The request may have reached the server and been applied; only its answer is missing. */
export function answerLost(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const response = (error as NodeApiError & { errorResponse?: IDataObject }).errorResponse ?? {};
	if (LOST_ANSWER.has(String(response.fault))) return true;
	return response.fault === 'http' && Number(error.httpCode) >= 500;
}

async function findLostCreation(ctx: IExecuteFunctions, run: SubmitContext): Promise<TaskRef | undefined> {
	const tasks = await listAllTasks(ctx);
	const candidates = tasks.filter(
		(task: KnownTask) =>
			task.name === run.taskName && (run.tasksBefore ? !run.tasksBefore.has(task.sn) : task.createdAt >= run.startedAt),
	);
	const newest = candidates.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
	return newest ? { id: newest.id, sn: newest.sn, name: newest.name } : undefined;
}

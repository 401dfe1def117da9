import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { formatChinaTime } from '../../../../shared/chinaTime';
import { AUTO_START_VALUE, CLIENT_INFO_JSON_REJECTED, ENDPOINTS, envelopeCode, type ClientInfoJsonForm } from '../../../../shared/contract';
import { TASK_CREATION_ERRORS } from '../../../../shared/errorCatalogue';
import { MultipartBody } from '../../../../shared/multipart';
import { yunkeApiRequest, type LostAnswer, type YunkeRequest } from '../../../../transport';
import { encodeBatchRows, type ImportBatch } from './batches';
import { confirmAppend, type ExpectedCounts } from './lostAnswers';
import { findLostCreation } from './lostCreation';
import type { MappedRows } from './rows';
import type { ImportSettings } from './settings';

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

export interface SubmitContext {
	settings: ImportSettings;
	rows: MappedRows | undefined;
	/** the task the rows go to; undefined until the first batch created it */
	task: TaskRef | undefined;
	taskName: string;
	/** sns of the tasks listed before the run (to recognise a creation whose answer was lost) */
	tasksBefore: Set<string>;
	/** the task's counts before the next batch lands (to tell whether an append whose answer was lost landed) */
	expected: ExpectedCounts | undefined;
	/** how `client_info_json` is sent: the contract's first form until the tenant refuses it */
	clientInfoForm: ClientInfoJsonForm;
}

/**
 * Sends one batch. A tenant that refuses the nested `client_info_json` (contract CLIENT_INFO_JSON_FORMS)
 * gets it once more as a JSON string, and the string for the rest of the run.
 */
export async function submitBatch(ctx: IExecuteFunctions, batch: ImportBatch, run: SubmitContext): Promise<BatchAnswer> {
	const answer = await sendBatch(ctx, batch, run);
	if (envelopeCode(answer) !== CLIENT_INFO_JSON_REJECTED) return answerOf(answer, run);
	run.clientInfoForm = 'string';
	return answerOf(await sendBatch(ctx, batch, run), run);
}

/**
 * Its answer may be lost after Yunke applied it (transport `answerMayBeLost`): a creation is then looked
 * for in the task list (lostCreation.ts), an append in the task's counts (lostAppend.ts); neither is sent
 * again unless Yunke shows it did not arrive.
 */
async function sendBatch(ctx: IExecuteFunctions, batch: ImportBatch, run: SubmitContext): Promise<IDataObject> {
	const request = buildRequest(batch, run);
	const itemIndex = batch.itemIndexes[0];
	const sentAt = formatChinaTime(new Date());
	let reconcile: (lost: LostAnswer) => Promise<IDataObject>;
	if (!run.task) {
		const attempt = { taskName: run.taskName, tasksBefore: run.tasksBefore, sentAt, endpoint: request.endpoint, itemIndex };
		reconcile = async (lost) => await findLostCreation(ctx, attempt, lost);
	} else {
		const rows = batch.kind === 'rows' ? batch.end - batch.start : undefined;
		const attempt = { task: run.task, rows, expected: run.expected, sentAt, endpoint: request.endpoint, itemIndex };
		const secondAnswerLost = async (lost: LostAnswer) => await confirmAppend(ctx, attempt, lost);
		const sendAgain = async () => await yunkeApiRequest.call(ctx, { ...request, reconcile: secondAnswerLost });
		reconcile = async (lost) => await confirmAppend(ctx, attempt, lost, sendAgain);
	}
	return await yunkeApiRequest.call(ctx, { ...request, reconcile });
}

/** 500 ("服务端错误", server error) to a creation says nothing about whether the task exists: it is looked for like a lost answer. */
const CREATION_UNSETTLED_CODES = [500];

function buildRequest(batch: ImportBatch, run: SubmitContext): YunkeRequest & { endpoint: string } {
	const { settings } = run;
	const fields: IDataObject = { project_sn: settings.projectSn, source: run.taskName, ai_user_sn: settings.aiUserSn };
	if (run.task) fields.dial_task_main_sn = run.task.sn;
	else if (settings.startDialling) fields.is_zidong = AUTO_START_VALUE;
	const vendorErrors = run.task ? undefined : TASK_CREATION_ERRORS;
	if (batch.kind === 'excel') {
		const textFields: Record<string, string> = {};
		for (const [key, value] of Object.entries({ ...fields, ...settings.extraFields })) {
			if (value !== undefined && value !== null) textFields[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
		}
		return {
			method: 'POST',
			endpoint: ENDPOINTS.taskCreateExcelAsync,
			body: new MultipartBody(textFields, [batch.file]),
			itemIndex: batch.itemIndexes[0],
			vendorErrors,
			lostAnswerCodes: run.task ? undefined : CREATION_UNSETTLED_CODES,
		};
	}
	fields.client_info_json = encodeBatchRows(run.rows as MappedRows, batch, run.clientInfoForm);
	return {
		method: 'POST',
		endpoint: settings.mode === 'async' ? ENDPOINTS.taskCreateJsonAsync : ENDPOINTS.taskCreateJson,
		body: { ...fields, ...settings.extraFields },
		itemIndex: batch.itemIndexes[0],
		vendorErrors,
		lostAnswerCodes: run.task ? undefined : CREATION_UNSETTLED_CODES,
		// a batch is never empty: 30006 to the nested form means the tenant wants the string
		answerCodes: run.clientInfoForm === 'string' ? undefined : [CLIENT_INFO_JSON_REJECTED],
	};
}

function answerOf(envelope: IDataObject, run: SubmitContext): BatchAnswer {
	const data = (envelope.data && typeof envelope.data === 'object' ? envelope.data : {}) as IDataObject;
	const id = data.dial_task_main_id ?? run.task?.id;
	const sn = data.dial_task_main_sn ?? run.task?.sn;
	return {
		task: { id: id === undefined || id === null ? '' : String(id), sn: sn === undefined || sn === null ? '' : String(sn), name: run.taskName },
		data: envelope.foundInTaskList ? undefined : data,
	};
}

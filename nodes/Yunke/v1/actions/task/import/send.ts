import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { formatChinaTime } from '../../../../shared/chinaTime';
import {
	AUTO_START_VALUE,
	CLIENT_INFO_JSON_FORMS,
	CLIENT_INFO_JSON_REJECTED,
	ENDPOINTS,
	LIMITS,
	encodeImportRows,
	envelopeCode,
	type ClientInfoJsonForm,
} from '../../../../shared/contract';
import { TASK_CREATION_ERRORS } from '../../../../shared/errorCatalogue';
import { MultipartBody } from '../../../../shared/multipart';
import { PiecewiseJson, PiecewiseText } from '../../../../shared/phpJson';
import { dataOf, yunkeApiWrite, type YunkeWrite } from '../../../../transport';
import { createdToday, findListedTask, isIdOrSn, listAllTasks, listTasksCreatedSince, pendingCalls, type KnownTask } from '../shared/taskList';
import { addMarks, countsAfter, countsFrom, readImportMark, readImportResult, rejectedItems, rejectedRowsFrom, type ExpectedCounts, type ImportMark } from './counts';
import { confirmAppend, findLostCreation, MaybeAppliedError } from './lostAnswers';
import type { ImportBatch, ImportRows, MappedRows } from './rows';
import type { ImportSettings } from './settings';

// Stage 3 of an import (runImport.ts): the task the rows go into, checked in the task list, then the
// batches sent to it in order; a lost answer goes to lostAnswers.ts.

export interface TaskRef {
	id: string;
	sn: string;
	name: string;
}

/** The task list just before the first request, and the target task in it. */
export interface ResolvedTarget {
	/** sns of the tasks listed (at least every one created since yesterday): a creation whose answer is lost is looked for among the others */
	tasksBefore: Set<string>;
	/** the existing task the rows go into; undefined when the first request creates it */
	existing?: KnownTask;
	/** 5.7.4 of the existing task before the import */
	baseline?: IDataObject;
}

/**
 * The one place the target is resolved (settings' TaskTarget): the existing task by ID or sn, the
 * pending-call ceiling, the daily creation limit for a new task, the tasks a lost creation must not be
 * mistaken for. The ceiling needs every task of every date (dozens of requests on a tenant that takes
 * 90 days at a time), so the list is read whole only for a creation or an import of several requests.
 * An append of one request (a lead into the day's task) is left to Yunke, which refuses it whole
 * (30004, docs/vendor-facts.md); whether a refused creation leaves an empty task behind is not
 * documented, so a creation is checked. Otherwise the tasks created since yesterday answer the rest
 * (the newest window of 5.1: one request).
 */
export async function resolveTarget(ctx: IExecuteFunctions, settings: ImportSettings, { rows, batches }: ImportRows): Promise<ResolvedTarget> {
	const checkCeiling = settings.checkPendingLimit && (batches.length > 1 || settings.target.kind !== 'existing');
	const tasks = checkCeiling ? await listAllTasks(ctx) : await listTasksCreatedSince(ctx, 0, formatChinaTime(new Date()));
	let existing: KnownTask | undefined;
	if (settings.target.kind === 'existing') {
		const { reference } = settings.target;
		const isTarget = isIdOrSn(reference);
		// the whole list holds it if it exists; the tasks since yesterday may not: look further back then
		existing = tasks.find(isTarget) ?? (checkCeiling ? undefined : await findListedTask(ctx, 0, isTarget));
		if (!existing) {
			throw new NodeOperationError(ctx.getNode(), `Task: no task has the ID or sn "${reference}" [item 0]`, {
				description: 'Pick the task from the list, or check the ID or sn; the task may have been deleted.',
				itemIndex: 0,
			});
		}
	}
	if (checkCeiling) {
		const waiting = pendingCalls(tasks);
		const adding = rows?.itemIndexes.length ?? 0;
		if (waiting + adding > LIMITS.pendingCalls) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Too many numbers would wait to be called: ${waiting} are waiting and this import adds ${adding}; Yunke allows ${LIMITS.pendingCalls}`,
				{
					description:
						'Nothing was sent. Wait until running tasks have dialled part of their numbers, stop or delete old tasks, or import fewer rows. Turn off the option Check Pending Limit First to let Yunke decide.',
					itemIndex: 0,
				},
			);
		}
	}
	if (settings.checkPendingLimit && !existing && createdToday(tasks) >= LIMITS.taskCreationsPerDay) {
		throw new NodeOperationError(ctx.getNode(), `Yunke allows ${LIMITS.taskCreationsPerDay} new tasks a day and today's are used up`, {
			description: 'Nothing was sent. Add the rows to an existing task with Task → Import Data (Into: Existing Task), or try again tomorrow.',
			itemIndex: 0,
		});
	}
	const baseline = existing ? await readImportResult(ctx, existing.id) : undefined;
	return { tasksBefore: new Set(tasks.map((task) => task.sn)), existing, baseline };
}

export interface SentBatches {
	task: TaskRef | undefined;
	/** batches Yunke took, in order; the first one not taken failed with `failure` */
	sent: number;
	failure: unknown;
	/** whether the failed request may have been applied (its answer was lost and could not be settled) */
	failureMayHaveLanded: boolean;
	/** synchronous imports: the counts of every batch taken, and whether every answer had them */
	mark: ImportMark;
	syncCountsComplete: boolean;
	rejected: INodeExecutionData[];
	/** how a creation whose answer was lost (or was code 500) was settled from the task list */
	creationSettled?: string;
}

/** Sends the batches in order until one fails; the first creates the task unless the target exists. */
export async function sendBatches(ctx: IExecuteFunctions, settings: ImportSettings, { rows, batches }: ImportRows, target: ResolvedTarget): Promise<SentBatches> {
	const { existing } = target;
	const sync = settings.mode === 'sync';
	const run: RunState = {
		settings,
		rows,
		task: existing ? { id: existing.id, sn: existing.sn, name: existing.name } : undefined,
		taskName: settings.target.kind === 'new' ? settings.target.taskName : (existing?.name ?? ''),
		tasksBefore: target.tasksBefore,
		expected: target.baseline ? countsFrom(target.baseline, sync) : sync ? { received: 0, mark: {}, rejectedRows: 0 } : { received: 0 },
		clientInfoForm: CLIENT_INFO_JSON_FORMS[0],
	};
	const result: SentBatches = { task: run.task, sent: 0, failure: undefined, failureMayHaveLanded: false, mark: {}, syncCountsComplete: true, rejected: [] };
	for (const batch of batches) {
		try {
			const answer = await submitBatch(ctx, batch, run);
			run.task = result.task = answer.task;
			settings.onTaskKnown?.(answer.task);
			result.creationSettled ??= answer.creationSettled;
			// a creation found in the task list after a lost answer: the new task holds only this batch
			const data = sync ? (answer.data ?? (await readImportResult(ctx, answer.task.id))) : undefined;
			run.expected = countsAfter(run.expected, rowsIn(batch), data);
			if (data) {
				addMarks(result.mark, readImportMark(data.import_mark));
				if (data.import_mark === undefined) result.syncCountsComplete = false;
				const positions = batch.kind === 'rows' ? { start: batch.start, end: batch.end } : undefined;
				result.rejected.push(...rejectedItems(rejectedRowsFrom(data.import_fail_data), rows, positions, batch.itemIndexes, answer.task));
			}
			result.sent++;
		} catch (error) {
			result.failure = error;
			result.failureMayHaveLanded = error instanceof MaybeAppliedError;
			break;
		}
	}
	return result;
}

function rowsIn(batch: ImportBatch): number | undefined {
	return batch.kind === 'rows' ? batch.end - batch.start : undefined;
}

/** One request's outcome: the task, and `data` of Yunke's answer (its counts and rejected rows). */
export interface BatchAnswer {
	task: TaskRef;
	/** undefined when a lost creation was found in the task list instead: its counts are not known */
	data: IDataObject | undefined;
	/** how a creation whose answer was lost (or was code 500) was settled from the task list */
	creationSettled?: string;
}

interface RunState {
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

/** The answer to the nested `client_info_json` from a tenant that wants the string (contract CLIENT_INFO_JSON_FORMS). */
const FORM_REFUSED = 'formRefused';

/** Sends one batch; refused in the nested form, once more as a JSON string, and the string for the rest of the run. */
async function submitBatch(ctx: IExecuteFunctions, batch: ImportBatch, run: RunState): Promise<BatchAnswer> {
	const answer = await sendBatch(ctx, batch, run);
	if (answer !== FORM_REFUSED) return answer;
	run.clientInfoForm = 'string';
	return (await sendBatch(ctx, batch, run)) as BatchAnswer;
}

/**
 * Its answer may be lost after Yunke applied it (transport `answerMayBeLost`): lostAnswers.ts then looks
 * for a creation in the task list, for an append in the task's counts.
 */
async function sendBatch(ctx: IExecuteFunctions, batch: ImportBatch, run: RunState): Promise<BatchAnswer | typeof FORM_REFUSED> {
	const request = buildRequest(batch, run);
	const sent = { sentAt: formatChinaTime(new Date()), endpoint: request.endpoint, itemIndex: batch.itemIndexes[0] };
	const { task, expected } = run;
	const read = (answer: IDataObject) => (envelopeCode(answer) === CLIENT_INFO_JSON_REJECTED ? FORM_REFUSED : answerOf(answer, run));
	const reconcile: YunkeWrite<BatchAnswer>['reconcile'] = task
		? async (lost) => await confirmAppend(ctx, { ...sent, task, rows: rowsIn(batch), expected }, lost)
		: async (lost) => await findLostCreation(ctx, { ...sent, taskName: run.taskName, tasksBefore: run.tasksBefore }, lost);
	return await yunkeApiWrite(ctx, { ...request, read, reconcile });
}

/** 500 ("服务端错误", server error) to a creation says nothing about whether the task exists: it is looked for like a lost answer. */
const CREATION_UNSETTLED_CODES = [500];

function buildRequest(batch: ImportBatch, run: RunState): Omit<YunkeWrite<BatchAnswer>, 'read' | 'reconcile'> {
	const { settings } = run;
	const fields: IDataObject = { project_sn: settings.projectSn, source: run.taskName, ai_user_sn: settings.aiUserSn };
	if (run.task) fields.dial_task_main_sn = run.task.sn;
	else if (settings.startDialling) fields.is_zidong = AUTO_START_VALUE;
	const creation = run.task ? undefined : { vendorErrors: TASK_CREATION_ERRORS, lostAnswerCodes: CREATION_UNSETTLED_CODES };
	if (batch.kind === 'excel') {
		const textFields: Record<string, string> = {};
		for (const [key, value] of Object.entries({ ...fields, ...settings.extraFields })) {
			if (value !== undefined && value !== null) textFields[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
		}
		const body = new MultipartBody(textFields, [batch.file]);
		return { method: 'POST', endpoint: ENDPOINTS.taskCreateExcelAsync, body, itemIndex: batch.itemIndexes[0], ...creation };
	}
	fields.client_info_json = encodeBatchRows(run.rows as MappedRows, batch, run.clientInfoForm);
	return {
		method: 'POST',
		endpoint: settings.mode === 'async' ? ENDPOINTS.taskCreateJsonAsync : ENDPOINTS.taskCreateJson,
		body: { ...fields, ...settings.extraFields },
		itemIndex: batch.itemIndexes[0],
		...creation,
		// a batch is never empty: 30006 to the nested form means the tenant wants the string
		answerCodes: run.clientInfoForm === 'string' ? undefined : [CLIENT_INFO_JSON_REJECTED],
	};
}

/** `client_info_json` for one chunk, in either contract form: the rows' texts in the envelope of `encodeImportRows`. */
export function encodeBatchRows(rows: MappedRows, batch: { start: number; end: number }, form: ClientInfoJsonForm = 'string'): PiecewiseJson | PiecewiseText {
	const envelope = encodeImportRows([]);
	const pieces: string[] = [envelope.slice(0, -2)];
	for (let position = batch.start; position < batch.end; position++) {
		pieces.push(position === batch.start ? rows.encode(position) : `,${rows.encode(position)}`);
	}
	pieces.push(envelope.slice(-2));
	return form === 'object' ? new PiecewiseJson(pieces) : new PiecewiseText(pieces);
}

function answerOf(envelope: IDataObject, run: RunState): BatchAnswer {
	const data = dataOf(envelope);
	const id = data.dial_task_main_id ?? run.task?.id;
	const sn = data.dial_task_main_sn ?? run.task?.sn;
	return { task: { id: id === undefined || id === null ? '' : String(id), sn: sn === undefined || sn === null ? '' : String(sn), name: run.taskName }, data };
}

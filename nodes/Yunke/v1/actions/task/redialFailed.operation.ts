import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS, envelopeMessage, REDIAL_RESULT_COUNT_FIELD, REDIAL_TARGET, TASK_NAME_PATTERN, TASK_OPERATIONS } from '../../../shared/contract';
import { extraVendorFields } from '../../helpers/fields';
import { invalidInput, requireInteger } from '../../helpers/validation';
import { dataOf, yunkeApiRequest } from '../../../transport';
import { additionalVendorFields, optionsField } from '../common.descriptions';
import { taskLocator } from '../../../methods/locators';
import { FAILURE_REASON_OPTIONS } from '../callRecord/hangupReasons';
import { operateTask } from './control/taskControl';
import { readTaskReference, resolveTaskSn, taskKey } from './shared/taskReference';
import { ownEntry } from '../../../shared/ownEntry';

const CUSTOM = { newTask: ['newTask'], anyCustom: ['newTask', 'originalTask'] };

const properties: INodeProperties[] = [
	taskLocator,
	optionsField({ displayName: 'Redial', name: 'redialMode', default: 'originalTask' }, [
		{ name: 'In a New Task', value: 'newTask', description: 'Copy the failed numbers into a new task that starts dialling at once' },
		{ name: 'In the Original Task', value: 'originalTask', description: 'Queue the failed numbers again in this task' },
		{ name: "Using the Task's Redial Settings", value: 'taskSettings', description: 'Redial the failed numbers with the settings the task was created with' },
	]),
	{
		displayName: 'New Task Name',
		name: 'taskName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 回访重呼',
		description: 'Name of the task that redials: Chinese or English letters, digits and parentheses only',
		displayOptions: { show: { redialMode: CUSTOM.newTask } },
	},
	{
		displayName: 'Hang-Up Reasons',
		name: 'reasons',
		type: 'multiOptions',
		options: FAILURE_REASON_OPTIONS,
		// every failure except vacant numbers and barred service, as public clients redial
		default: ['关机', '来电提醒', '稍后再拨', '停机', '无法接通', '正在通话中', '用户正忙', '用户拒接', '欠费', '无人应答', '其他'],
		description: 'Redial only the numbers whose last call ended for one of these reasons',
		displayOptions: { show: { redialMode: CUSTOM.anyCustom } },
	},
	{
		displayName: 'Total Redial Attempts',
		name: 'totalAttempts',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10 },
		default: 1,
		description: 'How many times in total a failed number is dialled again',
		displayOptions: { show: { redialMode: CUSTOM.anyCustom } },
	},
	{
		displayName: 'Interval (Minutes)',
		name: 'intervalMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 30,
		description: 'Minutes between two redials of the same number',
		displayOptions: { show: { redialMode: CUSTOM.anyCustom } },
	},
	additionalVendorFields(),
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['redialFailed'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const mode = this.getNodeParameter('redialMode', itemIndex) as 'newTask' | 'originalTask' | 'taskSettings';
	if (mode === 'taskSettings') {
		const { reference, message } = await operateTask(this, itemIndex, TASK_OPERATIONS.redialFailed);
		return { ...taskKey(reference), redial: mode, success: true, message };
	}
	const reference = readTaskReference(this, itemIndex);
	const body = readRedialSettings(this, itemIndex, mode);
	const extra = extraVendorFields(this, itemIndex, Object.keys(body));
	const sn = await resolveTaskSn(this, itemIndex, reference);
	const response = await yunkeApiRequest.call(this, {
		method: 'POST',
		endpoint: ENDPOINTS.taskRedialFailed,
		body: { dial_task_main_sn: sn, ...body, ...extra },
		itemIndex,
	});
	const data = dataOf(response);
	return {
		dial_task_main_sn: sn,
		redial: mode,
		redialTaskSn: String(data.dial_task_main_sn ?? ''),
		redialTaskId: Number(data.dial_task_main_id ?? 0) || null,
		queuedNumbers: Number(data[REDIAL_RESULT_COUNT_FIELD] ?? 0),
		message: envelopeMessage(response),
	};
}

/** 5.5's fields in the documented order; checked here so a bad value never reaches Yunke. */
function readRedialSettings(ctx: IExecuteFunctions, itemIndex: number, mode: 'newTask' | 'originalTask'): IDataObject {
	const reasons = ctx.getNodeParameter('reasons', itemIndex, []) as string[];
	if (reasons.length === 0) {
		throw invalidInput(ctx, itemIndex, 'Hang-Up Reasons', 'none selected', 'Select at least one reason, for example No Answer and Busy');
	}
	const attempts = requireInteger(ctx, itemIndex, 'Total Redial Attempts', ctx.getNodeParameter('totalAttempts', itemIndex), { min: 1 });
	const interval = requireInteger(ctx, itemIndex, 'Interval (Minutes)', ctx.getNodeParameter('intervalMinutes', itemIndex), { min: 0 });
	let taskName = '';
	if (mode === 'newTask') {
		taskName = String(ctx.getNodeParameter('taskName', itemIndex, '')).trim();
		if (!TASK_NAME_PATTERN.test(taskName)) {
			throw invalidInput(
				ctx,
				itemIndex,
				'New Task Name',
				taskName ? `"${taskName}" contains characters Yunke does not allow` : 'is empty',
				'Use only Chinese or English letters, digits and parentheses, without spaces, for example 回访重呼2',
			);
		}
	}
	return {
		recall_manual: ownEntry(REDIAL_TARGET, mode),
		fail_recall_of_reason: reasons.join(','),
		total_fail_recall_times: attempts,
		fail_recall_interval: interval,
		task_name: taskName,
	};
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { locatorValue } from '../../../helpers/fields';
import { invalidInput } from '../../../helpers/validation';
import { findListedTask, isTask, type KnownTask } from './taskList';

/** A task as the user named it in the `taskLocator` picker: by its numeric `dial_task_main_id` or by its `dial_task_main_sn`. */
export interface TaskReference {
	id?: string;
	sn?: string;
	/** what the user gave, sent as is where the vendor takes either (5.2 `pkeys`) */
	given: string;
}

const HOW_TO_NAME_A_TASK = 'Pick the task from the list, or enter its ID (digits, e.g. 1423) or its sn (dial_task_main_sn|…) as Task → Get Many shows them';

export function readTaskReference(ctx: IExecuteFunctions, itemIndex: number, name = 'task'): TaskReference {
	const value = locatorValue(ctx, name, itemIndex);
	if (!value) throw invalidInput(ctx, itemIndex, 'Task', 'is empty', HOW_TO_NAME_A_TASK);
	if (/^\d+$/.test(value)) return { id: value, given: value };
	if (!value.includes('|')) throw invalidInput(ctx, itemIndex, 'Task', `"${value}" is neither a task ID nor a task sn`, HOW_TO_NAME_A_TASK);
	return { sn: value, given: value };
}

/** The task's `dial_task_main_sn`, looked up in the task list when the user gave the ID. */
export async function resolveTaskSn(ctx: IExecuteFunctions, itemIndex: number, reference: TaskReference): Promise<string> {
	if (reference.sn) return reference.sn;
	return (await requireListedTask(ctx, itemIndex, reference)).sn;
}

/** The task's `dial_task_main_id`, looked up in the task list when the user gave the sn. */
export async function resolveTaskId(ctx: IExecuteFunctions, itemIndex: number, reference: TaskReference): Promise<string> {
	if (reference.id) return reference.id;
	return (await requireListedTask(ctx, itemIndex, reference)).id;
}

async function requireListedTask(ctx: IExecuteFunctions, itemIndex: number, reference: TaskReference): Promise<KnownTask> {
	const task = await findListedTask(ctx, itemIndex, isTask(reference));
	if (task) return task;
	const label = reference.id ? `ID ${reference.id}` : `sn ${reference.sn}`;
	throw invalidInput(ctx, itemIndex, 'Task', `no task with ${label} exists (it may have been deleted)`, HOW_TO_NAME_A_TASK);
}

/** The output key naming the task the way the user did. */
export function taskKey(reference: TaskReference): IDataObject {
	return reference.id ? { dial_task_main_id: Number(reference.id) } : { dial_task_main_sn: reference.sn };
}

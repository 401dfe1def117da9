import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { transportError, type TransportFault } from '../../../../transport';

/**
 * An import request whose answer was lost and whose effect the task list and counts could not settle.
 * It is never sent again on a guess (that could dial the same people twice): the user checks and resumes.
 */
export class MaybeAppliedError extends NodeOperationError {}

interface LostRequest {
	/** China time the request was sent */
	sentAt: string;
	fault: TransportFault;
	endpoint: string;
	itemIndex: number;
}

function lostBecause(ctx: IExecuteFunctions, lost: { fault: TransportFault; endpoint: string }): string {
	return transportError(ctx.getNode(), lost.fault, lost.endpoint).message;
}

/** "Yunke answered code 500 …" or "no answer came back (…)": what left the creation's outcome unknown. */
export function howLost(ctx: IExecuteFunctions, lost: { fault: TransportFault; endpoint: string }): string {
	if (lost.fault.kind === 'serverError') return `Yunke answered the creation with code ${lost.fault.status} (server error; ${lost.fault.detail})`;
	return `no answer came back to the creation (${lostBecause(ctx, lost)})`;
}

export function creationMayHaveHappened(
	ctx: IExecuteFunctions,
	lost: LostRequest & { taskName: string; waitedSeconds: number },
): MaybeAppliedError {
	const serverError = lost.fault.kind === 'serverError';
	const title = serverError ? `Yunke answered the creation with a server error (code ${lost.fault.status})` : "Yunke's answer to the creation was lost";
	return new MaybeAppliedError(ctx.getNode(), `The task "${lost.taskName}" may have been created: ${title}`, {
		itemIndex: lost.itemIndex,
		description:
			`The creation request was sent at ${lost.sentAt} (China time), and ${howLost(ctx, lost)}. ` +
			`No new task named "${lost.taskName}" showed in the task list within ${lost.waitedSeconds} seconds, but Yunke may still list it later, ` +
			'so the request was not sent again: a second task would dial the same people twice. ' +
			`To check, run Task → Get Many with Filters → Task Name "${lost.taskName}" (created from ${lost.sentAt}). ` +
			'If the task is there, add the rows it lacks with Task → Import Data (Into: Existing Task) into that task; if it is not, run this node again.' +
			(serverError
				? " If Yunke's message names the limit of 100 new tasks a day, no task was created: add the rows to an existing task with Task → Import Data (Into: Existing Task), or create the task tomorrow."
				: ''),
	});
}

export function rowsMayHaveBeenImported(
	ctx: IExecuteFunctions,
	lost: LostRequest & { task: { id: string; sn: string; name: string }; why: string },
): MaybeAppliedError {
	const { task } = lost;
	return new MaybeAppliedError(ctx.getNode(), `These rows may have been imported into task ${task.name}: Yunke's answer was lost`, {
		itemIndex: lost.itemIndex,
		description:
			`The import request was sent at ${lost.sentAt} (China time), and no answer came back (${lostBecause(ctx, lost)}); ${lost.why}. ` +
			'So the rows were not sent again: rows imported twice may be dialled twice. ' +
			`To check, run Task → Get Import Result or Task → Get Details for task ${task.name} (ID ${task.id}, sn ${task.sn}), ` +
			'then send only the rows it lacks with Task → Import Data (Into: Existing Task) into that task.',
	});
}

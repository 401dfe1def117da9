import { sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ENDPOINTS } from '../../../../shared/contract';
import { yunkeApiRequest } from '../../../../transport';
import { importPercent } from './counts';

/** 5.7.4: the task's import progress, counts and rejected rows. */
export async function readImportResult(ctx: IExecuteFunctions, taskId: string, itemIndex = 0): Promise<IDataObject> {
	const envelope = await yunkeApiRequest.call(ctx, {
		method: 'POST',
		endpoint: ENDPOINTS.taskImportResult,
		body: { dial_task_main_id: taskId },
		itemIndex,
		idempotent: true,
	});
	return (envelope.data && typeof envelope.data === 'object' ? envelope.data : {}) as IDataObject;
}

const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 5000;

/** Polls 5.7.4 until `import_percent` reaches 100 or the timeout passes; never sleeps past the deadline. */
export async function waitForImport(
	ctx: IExecuteFunctions,
	taskId: string,
	timeoutSeconds: number,
): Promise<{ finished: boolean; result: IDataObject }> {
	const deadline = Date.now() + timeoutSeconds * 1000;
	let pause = FIRST_POLL_MS;
	for (;;) {
		const result = await readImportResult(ctx, taskId);
		if (importPercent(result.import_percent) >= 100) return { finished: true, result };
		const left = deadline - Date.now();
		if (left <= 0) return { finished: false, result };
		await sleep(Math.min(pause, left));
		pause = Math.min(pause * 2, MAX_POLL_MS);
	}
}

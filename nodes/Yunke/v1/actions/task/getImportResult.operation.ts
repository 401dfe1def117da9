import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { taskLocator } from '../../../methods/locators';
import { readTaskReference, resolveTaskId } from './shared/taskReference';
import { englishCounts, importPercent, readImportMark, readImportResult, rejectedRowsFrom, rejectionReason } from './import/counts';

const properties: INodeProperties[] = [taskLocator];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['getImportResult'] } }, properties);

/** 5.7.4: progress, counts and rejected rows of every import into a task. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reference = readTaskReference(this, itemIndex);
	const taskId = await resolveTaskId(this, itemIndex, reference);
	const result = await readImportResult(this, taskId, itemIndex);
	const mark = readImportMark(result.import_mark);
	const percent = importPercent(result.import_percent);
	return {
		taskId,
		taskSn: result.dial_task_main_sn ?? reference.sn ?? '',
		finished: percent >= 100,
		importPercent: percent,
		counts: englishCounts(mark),
		importMark: result.import_mark ?? {},
		rejectedRows: rejectedRowsFrom(result.import_fail_data).map((row) => ({ reason: rejectionReason(row), row })),
		...(typeof result.import_mark === 'string' ? { failure: result.import_mark } : {}),
	};
}

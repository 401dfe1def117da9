import type { IDataObject } from 'n8n-workflow';

import { readPush, type Push } from '../../nodes/YunkeTrigger/payload';

/** The push Yunke Trigger reads from this body; a body it refuses fails the test with the trigger's reason. */
export function pushOf(body: IDataObject): Push {
	const reading = readPush(body);
	if ('problem' in reading) throw new Error(reading.problem);
	return reading.push;
}

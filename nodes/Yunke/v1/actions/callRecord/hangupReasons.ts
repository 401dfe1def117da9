import type { INodePropertyOptions } from 'n8n-workflow';

import { CONNECTED_REASON, HANGUP_REASON_NAMES } from '../../../shared/contract';

/** 6.5's hang-up reasons as options: English names, the vendor's Chinese names as values. */
export const FAILURE_REASON_OPTIONS: INodePropertyOptions[] = Object.entries(HANGUP_REASON_NAMES)
	.filter(([value]) => value !== CONNECTED_REASON)
	.map(([value, name]) => ({ name, value }))
	.sort((a, b) => a.name.localeCompare(b.name));

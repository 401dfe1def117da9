import type { INodePropertyOptions } from 'n8n-workflow';

import { HANGUP_REASONS } from '../../../../shared/contract';

type FailureReason = Exclude<(typeof HANGUP_REASONS)[number], '已接通'>;

const ENGLISH: Record<FailureReason, string> = {
	关机: 'Switched Off',
	空号: 'Vacant Number',
	停机: 'Suspended (Long Arrears)',
	正在通话中: 'On Another Call',
	用户拒接: 'Rejected',
	无法接通: 'Unreachable',
	暂停服务: 'Service Barred (Recent Arrears)',
	用户正忙: 'Busy',
	无人应答: 'No Answer',
	来电提醒: 'Call Reminder Service',
	稍后再拨: 'Try Again Later',
	欠费: 'Unpaid Bill',
	其他: 'Other',
};

/** 6.5's hang-up reasons as options: English names, the vendor's Chinese names as values. */
export const FAILURE_REASON_OPTIONS: INodePropertyOptions[] = (Object.entries(ENGLISH) as Array<[FailureReason, string]>)
	.map(([value, name]) => ({ name, value }))
	.sort((a, b) => a.name.localeCompare(b.name));

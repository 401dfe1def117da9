/** Call outcomes: 6.5 number states, the AI intent levels of 6.1, and its intent filter fields. */

/** 6.5 names (ids 2–9 printed; the rest from the 5.5 redial example) plus the connected state. */
export const HANGUP_REASONS = [
	'已接通',
	'关机',
	'空号',
	'停机',
	'正在通话中',
	'用户拒接',
	'无法接通',
	'暂停服务',
	'用户正忙',
	'无人应答',
	'来电提醒',
	'稍后再拨',
	'欠费',
	'其他',
] as const;
type HangupReason = (typeof HANGUP_REASONS)[number];
export const CONNECTED: HangupReason = '已接通';

/** 6.1 `status`: the AI intent level, A best; A–F is assumed (docs/vendor-facts.md). */
export const INTENT_LEVELS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/** 6.1 `status_search`: which intent `status_value` filters on. */
export const INTENT_FIELDS = { ai: 'status', manual: 'status_manual' } as const;

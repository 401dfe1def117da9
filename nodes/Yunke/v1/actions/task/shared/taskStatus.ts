import { TASK_STATUS, TASK_STATUS_TEXT } from '../../../../shared/contract';

const NAMES: Record<number, string> = {
	[TASK_STATUS.sending]: 'sending',
	[TASK_STATUS.sent]: 'sent',
	[TASK_STATUS.paused]: 'paused',
	[TASK_STATUS.terminated]: 'terminated',
};

/** The task status in English, from the number of 5.1's filter or the Chinese text its list answers. */
export function statusName(status: unknown): string {
	const text = String(status ?? '').trim();
	const code = /^\d+$/.test(text) ? Number(text) : Number(Object.entries(TASK_STATUS_TEXT).find(([, name]) => name === text)?.[0]);
	return NAMES[code] ?? (text || 'unknown');
}

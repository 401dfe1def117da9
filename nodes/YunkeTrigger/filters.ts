import type { Push, PushEvent } from './payload';

export interface PushFilters {
	events: PushEvent[];
	onlyAnswered: boolean;
	/** empty = every level, including calls without one */
	intentLevels: string[];
	/** empty = every task */
	taskSn: string;
}

/**
 * Why a push is not emitted, or undefined when it passes every filter. A filter the push carries nothing
 * for (payload.ts `undecided`: no task fields, no talk time, no intent level) lets it through: the item says so.
 */
export function filteredOutBecause(push: Push, filters: PushFilters): string | undefined {
	if (!filters.events.includes(push.event)) return `event ${push.event} is not selected`;
	if (filters.taskSn && push.taskSn && push.taskSn !== filters.taskSn) return 'another task';
	if (push.event !== 'callResult') return undefined;
	const undecided = (push.json.undecided ?? []) as string[];
	if (filters.onlyAnswered && push.json.answered !== true && !undecided.includes('answered')) return 'call not answered';
	if (filters.intentLevels.length > 0 && !filters.intentLevels.includes(String(push.json.intentLevel)) && !undecided.includes('intentLevel')) {
		return 'intent level not selected';
	}
	return undefined;
}

import { HANGUP_REASONS, INTENT_LEVELS } from './vendor';

/** What happens when the simulated dialler calls a number. */
export interface CallOutcome {
	answered: boolean;
	/** '已接通' when answered, otherwise one of 6.5's reasons */
	hangupReason: (typeof HANGUP_REASONS)[number];
	/** AI intent level A–F; '' for unanswered calls */
	intent: string;
	ringSeconds: number;
	talkSeconds: number;
	/** script rounds the robot and customer went through */
	rounds: number;
}

const UNANSWERED: Record<string, CallOutcome['hangupReason']> = { '6': '无人应答', '7': '关机', '8': '用户正忙', '9': '空号' };

/**
 * Outcomes follow the number so tests can predict them: last digit 0–5 answers with intent A–F
 * (0 → A … 5 → F); 6 no answer, 7 switched off, 8 busy, 9 vacant. The second-to-last digit
 * lengthens the talk time.
 */
export function callOutcome(phone: string): CallOutcome {
	const digits = phone.replace(/\D/g, '');
	const last = digits.slice(-1) || '6';
	const tens = Number(digits.slice(-2, -1) || 0);
	const unanswered = UNANSWERED[last];
	if (unanswered) return { answered: false, hangupReason: unanswered, intent: '', ringSeconds: 20, talkSeconds: 0, rounds: 0 };
	const level = Number(last);
	return {
		answered: true,
		hangupReason: '已接通',
		intent: INTENT_LEVELS[level],
		ringSeconds: 5,
		talkSeconds: 12 + tens * 6 + (5 - level) * 4,
		rounds: 6 - level,
	};
}

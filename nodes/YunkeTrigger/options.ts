import { DEFAULT_DEDUPE_WINDOW } from './dedupe';
import { DEFAULT_MAX_BODY_KB } from './security';

/** The bounds of the numeric options (description.ts shows the same ones in the editor). */
export const DEDUPE_WINDOW_BOUNDS = { min: 1, max: 100_000, fallback: DEFAULT_DEDUPE_WINDOW };
export const MAX_BODY_KB_BOUNDS = { min: 1, max: 16_384, fallback: DEFAULT_MAX_BODY_KB };

export interface TriggerOptions {
	dedupeWindow: number;
	maxBodyKb: number;
}

/**
 * An option as used at run time. The editor enforces min/max only for typed values; an expression can
 * give anything (0, NaN, a text, 1e12), and such a value falls back to the default rather than
 * switching the duplicate check off or making it unbounded.
 */
export function boundedOption(value: unknown, bounds: { min: number; max: number; fallback: number }): number {
	const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	if (!Number.isFinite(number)) return bounds.fallback;
	const whole = Math.floor(number);
	return whole >= bounds.min && whole <= bounds.max ? whole : bounds.fallback;
}

export function triggerOptions(raw: unknown): TriggerOptions {
	const options = (typeof raw === 'object' && raw !== null ? raw : {}) as { dedupeWindow?: unknown; maxBodyKb?: unknown };
	return {
		dedupeWindow: boundedOption(options.dedupeWindow, DEDUPE_WINDOW_BOUNDS),
		maxBodyKb: boundedOption(options.maxBodyKb, MAX_BODY_KB_BOUNDS),
	};
}

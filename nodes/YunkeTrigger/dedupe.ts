import { randomUUID } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * This n8n process. The webhook stamps it on the item it emits: an execution that runs in the same
 * process (a single n8n, not queue mode) was already decided race-free by the window below.
 */
export const THIS_PROCESS = randomUUID();
export const RECEIVED_BY = 'yunkeReceivedBy';

export const DEFAULT_DEDUPE_WINDOW = 1000;

/** A trigger within this n8n (workflow id + node id): what the duplicate windows and checks are kept per. */
export function triggerIdOf(ctx: { getWorkflow(): { id?: string }; getNode(): { id: string } }): string {
	return `${ctx.getWorkflow().id ?? ''}/${ctx.getNode().id}`;
}

/** The keys this trigger emitted most recently, oldest first, at most `limit` of them. */
export class RecentKeys {
	private readonly keys = new Set<string>();

	constructor(private limit: number) {}

	has(key: string): boolean {
		return this.keys.has(key);
	}

	delete(key: string): void {
		this.keys.delete(key);
	}

	add(key: string): void {
		this.keys.delete(key);
		this.keys.add(key);
		this.trim();
	}

	/** Keys persisted by earlier executions (or another n8n process) that this one has not seen yet. */
	absorb(keys: unknown, except?: RecentKeys): void {
		if (!Array.isArray(keys)) return;
		for (const key of keys) if (typeof key === 'string' && !this.keys.has(key) && !except?.has(key)) this.keys.add(key);
		this.trim();
	}

	resize(limit: number): void {
		this.limit = limit;
		this.trim();
	}

	toArray(): string[] {
		return [...this.keys];
	}

	get size(): number {
		return this.keys.size;
	}

	private trim(): void {
		for (const oldest of this.keys) {
			if (this.keys.size <= this.limit) break;
			this.keys.delete(oldest);
		}
	}
}

/**
 * The first of two duplicate checks (the second, shared by every n8n process, is clusterDedupe.ts).
 * n8n loads a workflow's static data from the database for every webhook request and saves it when
 * the request is answered, so two pushes handled at the same time both see the old list and the
 * later save drops the earlier key. The process-wide window below is checked and updated
 * synchronously, before anything awaits, so concurrent deliveries in one n8n process are decided
 * race-free and a repeat never starts an execution there. Static data carries the window across
 * restarts. n8n saves static data while it holds the expression isolate (a pool of one by
 * default), so a save on every push would serialise all pushes: the window is written when
 * PERSIST_EVERY_KEYS new keys piled up or PERSIST_EVERY_MS passed since the last write. Keys are
 * hashes (dedupeKey.ts), so the window's size is bounded whatever the pushes hold.
 */
export const PERSIST_EVERY_KEYS = 50;
export const PERSIST_EVERY_MS = 5000;

interface TriggerWindow {
	recent: RecentKeys;
	/** Keys n8n did not accept: static data saved before may still list them. */
	forgotten: RecentKeys;
	unsaved: number;
	savedAt: number;
}

const processWide = new Map<string, TriggerWindow>();

/**
 * True when the push is new (its first key is remembered); false for a repeat, i.e. when any of
 * `keys` was seen (an import result is looked up under its current and previous period).
 */
export function firstDelivery(triggerId: string, staticData: IDataObject, keys: string | string[], limit: number, now = Date.now()): boolean {
	const [key, ...alsoSeenAs] = [keys].flat();
	let window = processWide.get(triggerId);
	if (!window) {
		window = { recent: new RecentKeys(limit), forgotten: new RecentKeys(limit), unsaved: 0, savedAt: 0 };
		processWide.set(triggerId, window);
	}
	window.recent.resize(limit);
	window.forgotten.resize(limit);
	window.recent.absorb(staticData.seen, window.forgotten);
	if (window.recent.has(key) || alsoSeenAs.some((other) => window.recent.has(other))) return false;
	window.recent.add(key);
	window.forgotten.delete(key);
	window.unsaved += 1;
	if (window.unsaved >= PERSIST_EVERY_KEYS || now - window.savedAt >= PERSIST_EVERY_MS) {
		staticData.seen = window.recent.toArray();
		window.unsaved = 0;
		window.savedAt = now;
	}
	return true;
}

/** Forgets one key (a push n8n did not accept); the next write of the window leaves it out too. */
export function forgetKey(triggerId: string, key: string): void {
	const window = processWide.get(triggerId);
	if (!window) return;
	window.recent.delete(key);
	window.forgotten.add(key);
	window.savedAt = 0;
}

/** Forgets the in-memory window of a trigger (tests). */
export function forgetTrigger(triggerId: string): void {
	processWide.delete(triggerId);
}

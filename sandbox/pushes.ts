import type { Sandbox } from './server';
import type { CallRecord } from './state';

/** Pushes to the tenant's callback URLs: call results (6.6.1) and finished async imports (5.7.15). */
export interface Pushes {
	callEnded(record: CallRecord): void;
	importFinished(taskSn: string): void;
	stop(): void;
}

export function startPushes(_sandbox: Sandbox): Pushes {
	return { callEnded: () => undefined, importFinished: () => undefined, stop: () => undefined };
}

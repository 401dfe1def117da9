import type { Sandbox } from './server';
import type { CallRecord } from './state';

/** Simulated dialling: running tasks call their waiting rows and produce call records. */
export interface Dialer {
	taskChanged(taskSn: string): void;
	stop(): void;
}

export function startDialer(_sandbox: Sandbox, _onCallEnded: (record: CallRecord) => void): Dialer {
	return { taskChanged: () => undefined, stop: () => undefined };
}

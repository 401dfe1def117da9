import type { AreaRoutes } from '../api';
import type { AuthConfig } from '../auth';
import type { Sandbox } from '../server';
import { scriptRoutes } from './scripts';

/** Every vendor path the sandbox answers, by API area. Add an area file and list it here. */
export const AREA_ROUTES: AreaRoutes = {
	...scriptRoutes,
};

export const AUTH_DEFAULTS: AuthConfig = { apiKeyTtlSeconds: 7200, enforceUrlOnBusinessCalls: true };

/** Background work of the simulated tenant (dialling, async imports, pushes). */
export interface AreaServices {
	taskChanged(taskSn: string): void;
	importFinished(taskSn: string): void;
	stop(): void;
}

export function startAreaServices(_sandbox: Sandbox): AreaServices {
	return { taskChanged: () => undefined, importFinished: () => undefined, stop: () => undefined };
}

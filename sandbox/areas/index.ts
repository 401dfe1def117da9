import type { AreaRoutes } from '../routeToolkit';
import { API_KEY_LIFETIME_SECONDS } from '../vendor';
import type { AuthConfig } from '../auth';
import { startDialer } from '../dialer';
import { startPushes } from '../pushes';
import type { Sandbox } from '../server';
import { accountRoutes } from './accounts';
import { callbackRoutes } from './callback';
import { callTimeRoutes } from './callTime';
import { customerRoutes } from './customers';
import { dndRoutes } from './dnd';
import { importRoutes } from './imports';
import { recordRoutes } from './records';
import { roleRoutes } from './roles';
import { scriptRoutes } from './scripts';
import { skillGroupRoutes } from './skillGroups';
import { taskRoutes } from './tasks';

/** Every vendor path the sandbox answers, by API area (one file per area of the vendor docs). */
export const AREA_ROUTES: AreaRoutes = {
	...accountRoutes,
	...skillGroupRoutes,
	...roleRoutes,
	...callTimeRoutes,
	...taskRoutes,
	...importRoutes,
	...recordRoutes,
	...customerRoutes,
	...scriptRoutes,
	...dndRoutes,
	...callbackRoutes,
};

export const AUTH_DEFAULTS: AuthConfig = { apiKeyTtlSeconds: API_KEY_LIFETIME_SECONDS, enforceUrlOnBusinessCalls: true };

/** Background work of the simulated tenant: dialling running tasks and pushing results. */
export interface AreaServices {
	taskChanged(taskSn: string): void;
	importFinished(taskSn: string): void;
	stop(): void;
}

export function startAreaServices(sandbox: Sandbox): AreaServices {
	const pushes = startPushes(sandbox);
	const dialer = startDialer(sandbox, (record) => pushes.callEnded(record));
	return {
		taskChanged: (taskSn) => dialer.taskChanged(taskSn),
		importFinished: (taskSn) => pushes.importFinished(taskSn),
		stop: () => {
			dialer.stop();
			pushes.stop();
		},
	};
}

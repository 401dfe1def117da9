import type { ServerResponse } from 'node:http';

import { generateRecords } from './bulkRecords';
import type { FaultRule } from './faults';
import { sendJson, type ParsedRequest } from './http';
import { pushControl } from './pushes';
import type { Sandbox } from './server';

/**
 * The test-only control API under /__control/: reset, fault injection, key invalidation, clock,
 * configuration and the request log. The vendor has nothing like it; it never needs a signature.
 */
export async function controlRoutes(sandbox: Sandbox, request: ParsedRequest, res: ServerResponse): Promise<void> {
	const body = Object.fromEntries(request.params) as Record<string, unknown>;
	const action = request.path.slice('/__control/'.length);
	switch (`${request.method} ${action}`) {
		case 'POST reset':
			sandbox.reset();
			return sendJson(res, { ok: true });
		case 'POST faults':
			sandbox.injectFault(body as unknown as FaultRule);
			return sendJson(res, { ok: true, pending: sandbox.faults.pending() });
		case 'GET faults':
			return sendJson(res, { pending: sandbox.faults.pending() });
		case 'DELETE faults':
			sandbox.faults.clear();
			return sendJson(res, { ok: true });
		case 'POST invalidate-key':
			sandbox.auth.invalidate();
			return sendJson(res, { ok: true });
		case 'POST expire-key':
			sandbox.auth.expireNow();
			return sendJson(res, { ok: true });
		case 'POST clock':
			sandbox.clock.advance(Number(body.advanceMs ?? 0));
			return sendJson(res, { ok: true, now: sandbox.clock.chinaText() });
		case 'POST config':
			Object.assign(sandbox.auth.config, body.auth ?? {});
			Object.assign(sandbox.speed, body.speed ?? {});
			Object.assign(sandbox.shapes, body.shapes ?? {});
			Object.assign(sandbox.data.account, body.account ?? {});
			return sendJson(res, { ok: true, auth: sandbox.auth.config, speed: sandbox.speed, shapes: sandbox.shapes });
		case 'POST records':
			return sendJson(res, {
				ok: true,
				...generateRecords(sandbox, Number(body.count ?? 0), body.taskSn ? String(body.taskSn) : undefined, body.days === undefined ? undefined : Number(body.days)),
			});
		case 'GET pushes':
		case 'POST pushes':
		case 'DELETE pushes':
		case 'POST push':
			return sendJson(res, await pushControl(sandbox, `${request.method} ${action}`, body));
		case 'GET log':
			return sendJson(res, { requests: sandbox.log });
		case 'DELETE log':
			sandbox.log = [];
			return sendJson(res, { ok: true });
		case 'GET stats':
			return sendJson(res, { logins: sandbox.auth.logins, requests: sandbox.log.length, currentKey: sandbox.auth.currentKey() ?? null });
		case 'GET state':
			return sendJson(res, {
				...sandbox.data,
				recordings: [...sandbox.data.recordings.keys()],
				tasks: sandbox.data.tasks.map(({ rows, ...task }) => ({ ...task, rowCount: rows.length, rows: rows.slice(0, 1000) })),
			});
		default:
			return sendJson(res, { ok: false, error: `unknown control call ${request.method} ${action}` }, 404);
	}
}

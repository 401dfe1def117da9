import type { ServerResponse } from 'node:http';

import { generateRecords } from './bulkRecords';
import type { FaultRule } from './faults';
import { sendJson, type ParsedRequest } from './http';
import { pushControl } from './pushes';
import { chooseReadings, ReadingError } from './readingChoice';
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
			return configure(sandbox, body, res);
		case 'GET config':
			return sendJson(res, currentConfig(sandbox));
		case 'POST records':
			return sendJson(res, { ok: true, ...generateRecords(sandbox, Number(body.count ?? 0), body.taskSn ? String(body.taskSn) : undefined) });
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

const CONFIG_KEYS = ['auth', 'speed', 'shapes', 'account'];

/** Applies nothing unless every setting is known: a typo answers HTTP 400 and the tenant stays as it was. */
function configure(sandbox: Sandbox, body: Record<string, unknown>, res: ServerResponse): void {
	const unknown = Object.keys(body).filter((key) => !CONFIG_KEYS.includes(key));
	if (unknown.length > 0) return sendJson(res, { ok: false, error: `unknown config key ${unknown.join(', ')}: use ${CONFIG_KEYS.join(', ')}` }, 400);
	let shapes;
	try {
		shapes = chooseReadings(body.shapes);
	} catch (error) {
		if (!(error instanceof ReadingError)) throw error;
		return sendJson(res, { ok: false, error: error.message }, 400);
	}
	Object.assign(sandbox.auth.config, body.auth ?? {});
	Object.assign(sandbox.speed, body.speed ?? {});
	Object.assign(sandbox.shapes, shapes);
	Object.assign(sandbox.data.account, body.account ?? {});
	return sendJson(res, { ok: true, ...currentConfig(sandbox) });
}

/** The settings in force; `startShapes` are what `POST reset` restores. */
function currentConfig(sandbox: Sandbox): Record<string, unknown> {
	return { auth: sandbox.auth.config, speed: sandbox.speed, shapes: sandbox.shapes, startShapes: sandbox.startShapes };
}

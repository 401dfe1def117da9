import type { Clock } from './clock';
import type { UploadedFile } from './http';
import type { SandboxData } from './state';
import { SUCCESS_CODE, vendorMessage } from './vendor';
import type { SandboxShapes } from './readings';

export type { SandboxShapes };

/** A business error answered the vendor's way: HTTP 200 with `code` and the seed table's message. */
export class VendorFault extends Error {
	constructor(
		readonly code: number,
		readonly msg = vendorMessage(code),
		readonly extra: Record<string, unknown> = {},
	) {
		super(`${code} ${msg}`);
	}
}

/** Parameters in sending order with typed readers; every reader fails like the vendor (20002/30008). */
export class Params {
	constructor(readonly entries: Array<[string, unknown]>) {}

	has(key: string): boolean {
		return this.entries.some(([name]) => name === key);
	}

	raw(key: string): unknown {
		return this.entries.find(([name]) => name === key)?.[1];
	}

	str(key: string, fallback = ''): string {
		const value = this.raw(key);
		if (value === undefined || value === null) return fallback;
		return typeof value === 'object' ? JSON.stringify(value) : String(value);
	}

	required(key: string, code = 20002): string {
		const value = this.str(key).trim();
		if (value === '') throw new VendorFault(code);
		return value;
	}

	int(key: string, fallback: number): number {
		const value = this.raw(key);
		if (value === undefined || value === null || value === '') return fallback;
		const number = Number(value);
		if (!Number.isInteger(number)) throw new VendorFault(30008);
		return number;
	}

	/** A value sent either as JSON text or as a JSON value. */
	json<T>(key: string): T | undefined {
		const value = this.raw(key);
		if (value === undefined || value === null || value === '') return undefined;
		if (typeof value !== 'string') return value as T;
		try {
			return JSON.parse(value) as T;
		} catch {
			throw new VendorFault(30006);
		}
	}

	/** Arrays sent as JSON arrays, JSON text, comma lists, or PHP-style `key[]` entries. */
	list(key: string): string[] {
		const bracket = this.entries.filter(([name]) => name === `${key}[]`).map(([, value]) => value);
		const value = bracket.length ? bracket.flat() : this.raw(key);
		if (value === undefined || value === null || value === '') return [];
		if (Array.isArray(value)) return value.map(String);
		const text = String(value).trim();
		if (text.startsWith('[')) {
			try {
				return (JSON.parse(text) as unknown[]).map(String);
			} catch {
				throw new VendorFault(20002);
			}
		}
		return text.split(',').map((part) => part.trim()).filter(Boolean);
	}
}

export type ApiResponse =
	| { json: unknown }
	| { file: { data: Buffer; mimeType: string; fileName: string } }
	| { text: string; contentType?: string; status?: number };

export interface ApiContext {
	data: SandboxData;
	params: Params;
	files: UploadedFile[];
	clock: Clock;
	/** Simulated durations (`sandbox.speed`), read when the request runs. */
	speed: { asyncImportMs: number; newTaskListDelayMs: number };
	/** Which of the vendor's disputed request shapes this tenant accepts (`sandbox.shapes`). */
	shapes: SandboxShapes;
	/** Hooks other areas register (e.g. the dialler starts when a task runs). */
	events: SandboxEvents;
}

export interface SandboxEvents {
	taskChanged(taskSn: string): void;
	importFinished(taskSn: string): void;
}

export interface Route {
	method: 'GET' | 'POST' | 'ANY';
	handler: (ctx: ApiContext) => ApiResponse | Promise<ApiResponse>;
}

export type AreaRoutes = Record<string, Route>;

export function ok(data?: unknown, msg = vendorMessage(SUCCESS_CODE)): ApiResponse {
	return { json: data === undefined ? { code: SUCCESS_CODE, msg } : { code: SUCCESS_CODE, msg, data } };
}

export function page<T>(rows: T[], params: Params, defaultSize: number): { slice: T[]; total: number } {
	const size = Math.max(1, params.int('pageSize', defaultSize));
	const index = Math.max(0, params.int('pageIndex', 0));
	return { slice: rows.slice(index * size, index * size + size), total: rows.length };
}

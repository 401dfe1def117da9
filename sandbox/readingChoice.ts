import { READINGS, type ReadingName, type SandboxShapes } from './readings';

/** A reading name or value the sandbox does not know: a typo must never run another tenant silently. */
export class ReadingError extends Error {}

const NAMES = Object.keys(READINGS) as ReadingName[];

function valuesOf(name: ReadingName): string[] {
	return Object.keys(READINGS[name].alternatives);
}

/** Checks readings given as `{ name: value }` (control API, constructor); throws ReadingError naming the fix. */
export function chooseReadings(input: unknown): Partial<SandboxShapes> {
	if (input === undefined || input === null) return {};
	if (typeof input !== 'object' || Array.isArray(input)) throw new ReadingError(`readings must be an object of name → value, e.g. {"${NAMES[0]}":"${READINGS[NAMES[0]].default}"}`);
	const chosen: Record<string, string> = {};
	for (const [name, value] of Object.entries(input)) {
		if (!NAMES.includes(name as ReadingName)) throw new ReadingError(`unknown reading "${name}": the readings are ${NAMES.join(', ')}`);
		const values = valuesOf(name as ReadingName);
		if (typeof value !== 'string' || !values.includes(value)) {
			throw new ReadingError(`reading ${name} has no value ${JSON.stringify(value)}: use one of ${values.join(', ')}`);
		}
		chosen[name] = value;
	}
	return chosen as Partial<SandboxShapes>;
}

/** `--reading name=value` (repeatable) from command-line arguments; any other argument is an error. */
export function readingsFromArgs(args: string[]): Partial<SandboxShapes> {
	const chosen: Record<string, string> = {};
	for (let index = 0; index < args.length; index++) {
		const arg = args[index];
		const pair = arg.startsWith('--reading=') ? arg.slice('--reading='.length) : arg === '--reading' ? args[++index] : undefined;
		if (pair === undefined) throw new ReadingError(`unknown argument "${arg}": the sandbox takes --reading name=value`);
		const [name, value] = pair.split('=');
		if (!name || value === undefined) throw new ReadingError(`--reading takes name=value, not "${pair}"`);
		chosen[name] = value;
	}
	return chooseReadings(chosen);
}

/** One line per reading: its value, whether that is the default, and its vendor section. */
export function describeShapes(shapes: SandboxShapes): string[] {
	return NAMES.map((name) => {
		const value = shapes[name] as string;
		const note = value === READINGS[name].default ? 'default' : `default ${READINGS[name].default}`;
		return `${name} = ${value} (${note}; ${READINGS[name].vendorSection}): ${(READINGS[name].alternatives as Record<string, string>)[value]}`;
	});
}

/**
 * `npm run demo`: the package doing its main job inside a real n8n, headless, in about a minute.
 *
 * Installs or reuses the pinned n8n + Node 24 (`.tools/`), builds and packs n8n-nodes-yunke into a
 * temporary n8n user folder, starts the Yunke sandbox in this process, imports the "Yunke sandbox"
 * credential and the two demo workflows (`examples/demo/`), and runs them with `n8n execute`:
 *   1. create an extension (agent seat), create a task from six rows, start dialling;
 *   2. (after the simulated calls) list the call records, fetch a transcript, download a recording.
 * Prints what came back and exits 0; any failure exits 1 with the reason. Everything it started
 * (sandbox, n8n processes, temp folder) is stopped or removed on the way out.
 */
import { TASK_STATUS } from '../nodes/Yunke/shared/contract';
import { Sandbox } from '../sandbox/server';
import { bindToSandbox, readExample, sandboxCredential, type WorkflowJson } from './examples';
import { N8nInstance, nodeOutput, type ExecuteResult } from './n8n/instance';
import { ensureTools } from './n8n/tools';

export const DEMO_WORKFLOWS = { setUp: 'demo/demo-1-set-up-and-dial.json', results: 'demo/demo-2-call-results.json' } as const;

/** Fast enough for a one-minute demo, slow enough that calls visibly run in parallel. */
export const DEMO_SPEED = { callMs: 150, asyncImportMs: 100, pushDelayMs: 50 };

export interface DemoResult {
	extension: Record<string, unknown>;
	task: Record<string, unknown>;
	start: Record<string, unknown>;
	records: Array<Record<string, unknown>>;
	transcript: Record<string, unknown>;
	recording: Record<string, unknown>;
	/** the two `n8n execute` runs */
	runs: ExecuteResult[];
}

export interface DemoContext {
	n8n: N8nInstance;
	sandbox: Sandbox;
	progress?: (line: string) => void;
}

/**
 * Imports the credential and both demo workflows into a stopped n8n with the package installed,
 * runs them against the sandbox and returns what each step output. Throws with the reason.
 */
export async function runDemo({ n8n, sandbox, progress = () => undefined }: DemoContext): Promise<DemoResult> {
	await n8n.importCredentials([sandboxCredential(sandbox.url)]);
	const setUp = bindToSandbox(readExample(DEMO_WORKFLOWS.setUp), sandbox.data);
	const results = bindToSandbox(readExample(DEMO_WORKFLOWS.results), sandbox.data);
	await n8n.importWorkflow([setUp, results]);
	progress('credential "Yunke sandbox" and the two demo workflows imported');

	const first = await executeOrThrow(n8n, setUp);
	const extension = single(first, 'Create Extension');
	const task = single(first, 'Create Task');
	const start = single(first, 'Start Dialling');
	progress(`workflow 1 ran: extension ${String(extension.ext)} created, task ${String(task.taskName)} created and started`);

	const calls = await waitForCalls(sandbox, String(task.taskSn), 60_000);
	progress(`the sandbox placed ${calls} calls`);

	const second = await executeOrThrow(n8n, results);
	const records = nodeOutput(second.execution?.data, 'Call Records');
	const transcript = single(second, 'Transcript');
	const recording = single(second, 'Recording');
	return { extension, task, start, records, transcript, recording, runs: [first, second] };
}

async function executeOrThrow(n8n: N8nInstance, workflow: WorkflowJson): Promise<ExecuteResult> {
	const run = await n8n.execute(workflow.id);
	if (run.ok) return run;
	const failure = run.execution?.data.resultData;
	const reason = failure?.error?.message
		? `node "${failure.lastNodeExecuted ?? '?'}" failed: ${failure.error.message}${describe(failure.error)}`
		: `n8n exited ${run.code ?? run.signal} without a result:\n${run.stdoutTail}\n${run.stderrTail}`;
	throw new Error(`"${workflow.name}" did not succeed. ${reason}`);
}

function describe(error: Record<string, unknown>): string {
	return typeof error.description === 'string' && error.description ? ` (${error.description})` : '';
}

function single(run: ExecuteResult, nodeName: string): Record<string, unknown> {
	const items = nodeOutput(run.execution?.data, nodeName);
	if (items.length === 0) throw new Error(`node "${nodeName}" output nothing`);
	return items[0];
}

/** Until the task has dialled every row (status "sent"); returns the number of calls placed. */
export async function waitForCalls(sandbox: Sandbox, taskSn: string, timeoutMs: number): Promise<number> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const task = sandbox.data.tasks.find((entry) => entry.dial_task_main_sn === taskSn);
		if (!task) throw new Error(`the sandbox has no task ${taskSn}`);
		const calls = sandbox.data.records.filter((record) => record.dial_task_main_sn === taskSn).length;
		if (task.status === TASK_STATUS.sent && calls >= task.rows.length) return calls;
		if (Date.now() > deadline) throw new Error(`task ${taskSn} still has status ${task.status} with ${calls} of ${task.rows.length} calls after ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** The readable end of the demo: what ran and what came back. */
export function summarize(result: DemoResult, sandbox: Sandbox, seconds: number): string {
	const answered = result.records.filter((record) => String(record.connected_at ?? '') !== '');
	const intents = countBy(answered, (record) => String(record.status));
	const missed = countBy(
		result.records.filter((record) => !answered.includes(record)),
		(record) => String(record.hangup_reason || 'not answered'),
	);
	const turns = (result.transcript.turns as Array<{ speaker: string; text: string }> | undefined) ?? [];
	const requests = countBy(sandbox.log, (entry) => entry.path);
	return [
		'',
		'Yunke demo: n8n-nodes-yunke in a real n8n against the Yunke sandbox',
		`  1. Extension created      ${String(result.extension.ext)} for seat ${String(result.extension.user_name)} (${String(result.extension.max_call_count)} AI seats)`,
		`  2. Task created           ${String(result.task.taskName)}  id ${String(result.task.taskId)}  sn ${String(result.task.taskSn)}`,
		`                            rows sent ${String(result.task.rowsSent)}, import counts: ${nonZeroCounts(result.task.counts)}`,
		`  3. Dialling started       success ${String(result.start.success)}, Yunke says "${String(result.start.message)}"`,
		`  4. Calls placed           ${result.records.length}: ${answered.length} answered (intent ${formatCounts(intents)}), ${result.records.length - answered.length} not (${formatCounts(missed)})`,
		`  5. Transcript             ${String(result.transcript.turnCount)} turns of the call with ${String(answered[0]?.name ?? '?')}, e.g.`,
		...turns.slice(0, 3).map((turn) => `                              ${turn.speaker}: ${turn.text}`),
		`  6. Recording downloaded   ${String(result.recording.fileName)}, ${String(result.recording.fileSize)} bytes (${String(result.recording.mimeType)})`,
		`  Sandbox API requests      ${formatCounts(requests)}`,
		`  Done in ${seconds.toFixed(0)} s.`,
		'',
	].join('\n');
}

function countBy<T>(list: T[], key: (entry: T) => string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const entry of list) counts.set(key(entry), (counts.get(key(entry)) ?? 0) + 1);
	return counts;
}

function nonZeroCounts(counts: unknown): string {
	const entries = Object.entries((counts ?? {}) as Record<string, unknown>).filter(([, value]) => Number(value) > 0);
	return entries.map(([key, value]) => `${key} ${String(value)}`).join(', ') || 'none';
}

function formatCounts(counts: Map<string, number>): string {
	return [...counts.entries()].map(([key, count]) => `${key} ×${count}`).join(', ') || 'none';
}

async function main(): Promise<void> {
	const t0 = Date.now();
	const progress = (line: string) => process.stderr.write(`  · ${line}\n`);
	let sandbox: Sandbox | undefined;
	let n8n: N8nInstance | undefined;
	const cleanUp = async () => {
		await n8n?.dispose();
		await sandbox?.stop();
	};
	process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
	process.once('SIGTERM', () => void cleanUp().finally(() => process.exit(143)));
	let exitCode = 0;
	try {
		progress('n8n 2.41.1 on Node 24: reusing .tools/ or installing it (first time ~4 min)');
		const tools = await ensureTools({ log: progress });
		sandbox = new Sandbox({ quiet: true, speed: DEMO_SPEED });
		await sandbox.start();
		progress(`Yunke sandbox on ${sandbox.url}`);
		n8n = await N8nInstance.create({ tools, log: progress });
		n8n.installPackage();
		const result = await runDemo({ n8n, sandbox, progress });
		process.stdout.write(summarize(result, sandbox, (Date.now() - t0) / 1000));
	} catch (error) {
		exitCode = 1;
		process.stderr.write(`\nYunke demo FAILED: ${(error as Error).message}\n`);
	} finally {
		await cleanUp();
	}
	process.exit(exitCode);
}

if (require.main === module) void main();

/** Figures the scenarios observe, appended to QUEUE_TALLY_FILE; test/queue/run.ts adds them up into the last line. */
import * as fs from 'node:fs';

export interface Tally {
	scenario: string;
	executions?: number;
	failed?: number;
	/** Logins of the shared cold credential (scenario 1): the line's `logins`. */
	logins?: number;
	pushes?: number;
	emitted?: number;
	duplicates_emitted?: number;
	lost?: number;
	ours_s?: number;
	webhook_s?: number;
	/** Workers killed while they held the trigger's duplicate-check lease (scenario 6). */
	lease_kills?: number;
	/** Records whose every execution died with a killed worker: n8n gave the job up, reported not lost. */
	crashed?: number;
	/** Times Redis was killed while pushes arrived (scenario 7). */
	redis_outages?: number;
	/** Records a push of which was answered SUCCESS and that never reached the next node. */
	answered_then_lost?: number;
	/** Scenario 8: tasks of the burst's name, the leads in them, and leads in them twice. */
	lead_tasks_created?: number;
	lead_rows?: number;
	lead_duplicates?: number;
}

export function record(entry: Tally): void {
	const file = process.env.QUEUE_TALLY_FILE;
	if (file) fs.appendFileSync(file, `${JSON.stringify(entry)}\n`);
	process.stderr.write(`[queue] ${JSON.stringify(entry)}\n`);
}

export const LOGIN_TARGET = 3;
export const RATIO_TARGET = 1.1;

export function tallyLine(entries: Tally[], workers: number): { line: string; healthy: boolean } {
	const sum = (key: keyof Omit<Tally, 'scenario'>) => entries.reduce((total, entry) => total + (entry[key] ?? 0), 0);
	const logins = entries.find((entry) => entry.logins !== undefined)?.logins ?? 0;
	const ours = sum('ours_s');
	const webhook = sum('webhook_s');
	const ratio = webhook > 0 ? ours / webhook : 0;
	const figures = {
		workers,
		executions: sum('executions'),
		failed: sum('failed'),
		logins,
		pushes: sum('pushes'),
		emitted: sum('emitted'),
		duplicates_emitted: sum('duplicates_emitted'),
		lost: sum('lost'),
		lease_kills: sum('lease_kills'),
		crashed: sum('crashed'),
		redis_outages: sum('redis_outages'),
		answered_then_lost: sum('answered_then_lost'),
		lead_tasks_created: sum('lead_tasks_created'),
		lead_rows: sum('lead_rows'),
		lead_duplicates: sum('lead_duplicates'),
		ours_s: ours.toFixed(3),
		webhook_s: webhook.toFixed(3),
		ratio: ratio.toFixed(3),
	};
	const line = `queue ${Object.entries(figures).map(([key, value]) => `${key}=${value}`).join(' ')}`;
	const healthy =
		entries.length > 0 && figures.failed === 0 && figures.duplicates_emitted === 0 && figures.lost === 0 && figures.answered_then_lost === 0 && figures.lead_duplicates === 0 && logins <= LOGIN_TARGET;
	return { line, healthy };
}

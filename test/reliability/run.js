#!/usr/bin/env node
/**
 * `npm run test:reliability`: runs the suites of test/reliability with their own Jest config, then adds
 * up what the tests observed (support/reliabilityTally.ts) into one line. Exits non-zero unless every fault was
 * survived, every bad input caught, no row lost or duplicated, no task created twice, no number dialled
 * twice, no person added twice to a task under another spelling of the number, no secret leaked, no task control
 * reported done that did not happen, and Jest passed.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'yunke-reliability-'));
const tallyFile = path.join(dir, 'tally.jsonl');
const jest = spawnSync(
	process.execPath,
	[require.resolve('jest/bin/jest', { paths: [root] }), '-c', 'test/reliability/jest.config.js', ...process.argv.slice(2)],
	{ cwd: root, stdio: 'inherit', env: { ...process.env, RELIABILITY_TALLY_FILE: tallyFile } },
);

const totals = {
	faults: 0,
	survived: 0,
	bad_inputs: 0,
	caught: 0,
	rows_lost: 0,
	rows_duplicated: 0,
	tasks_duplicated: 0,
	calls_duplicated: 0,
	secret_leaks: 0,
	numbers_duplicated: 0,
	silent_no_ops: 0,
};
/** Counters that must stay 0: one non-zero entry is reported with its test. */
const MUST_BE_ZERO = ['rows_lost', 'rows_duplicated', 'tasks_duplicated', 'calls_duplicated', 'secret_leaks', 'numbers_duplicated', 'silent_no_ops'];
const failures = [];
if (existsSync(tallyFile)) {
	for (const line of readFileSync(tallyFile, 'utf8').split('\n')) {
		if (!line.trim()) continue;
		const entry = JSON.parse(line);
		totals[entry.key] += entry.amount;
		if (MUST_BE_ZERO.includes(entry.key) && entry.amount > 0) failures.push(entry);
	}
}
rmSync(dir, { recursive: true, force: true });

for (const entry of failures) console.log(`  ${entry.key}=${entry.amount} in "${entry.test}"${entry.detail ? `: ${entry.detail}` : ''}`);
const line = Object.entries(totals).map(([key, value]) => `${key}=${value}`).join(' ');
console.log(`reliability ${line}`);
const healthy =
	jest.status === 0 &&
	totals.faults + totals.bad_inputs > 0 && // something was observed at all
	totals.survived === totals.faults &&
	totals.caught === totals.bad_inputs &&
	MUST_BE_ZERO.every((key) => totals[key] === 0);
process.exit(healthy ? 0 : 1);

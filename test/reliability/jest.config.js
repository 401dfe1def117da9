/**
 * The reliability suites (faults, imports under faults, bad inputs, secrets, queue mode, trigger).
 * Run them with `npm run test:reliability` (test/reliability/run.js), which prints the tally line.
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/reliability'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	testTimeout: 120000,
	maxWorkers: 4,
};

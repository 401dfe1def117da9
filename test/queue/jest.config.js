/**
 * The queue-mode scenarios (test/queue). They need the cluster that `npm run test:queue`
 * (test/queue/run.ts) brings up around them; files run in name order, in band.
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/*.test.ts'],
	testSequencer: '<rootDir>/test/queue/support/sequencer.js',
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	testTimeout: 10 * 60 * 1000,
	maxWorkers: 1,
	verbose: true,
};

/** Unit and in-process engine tests. The real-n8n suites have their own configs (test/e2e, test/reliability, test/queue). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/reliability/', '<rootDir>/test/queue/'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	testTimeout: 60000,
	// Most of a file's time is waiting on the sandbox and the node's own pauses, not CPU: four workers
	// keep two cores busy (Jest's default on two cores is one worker).
	maxWorkers: 4,
};

/** Unit and in-process engine tests. The real-n8n suites have their own configs (test/e2e, test/reliability, test/queue). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/reliability/', '<rootDir>/test/queue/'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	testTimeout: 60000,
};

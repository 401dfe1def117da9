/**
 * Real-n8n end-to-end suites (n8n 2.41.1 on Node 24 from `.tools/`, see scripts/n8n/README.md).
 * Run: `npm run test:e2e` (= `jest -c test/e2e/jest.config.js --runInBand`). The first run installs
 * the tools (~4 min cold); each n8n CLI call is a fresh ~2 s process, so timeouts are long.
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	testTimeout: 10 * 60 * 1000,
	maxWorkers: 1,
	verbose: true,
};

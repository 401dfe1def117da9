/** Unit and in-process engine tests. The real-n8n suites have their own configs (test/e2e, test/reliability, test/queue). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/reliability/', '<rootDir>/test/queue/'],
	// swc only strips types (as tsc's isolatedModules would): a first run on a fresh clone transpiles every
	// file in a fraction of ts-jest's time; `npm run lint` and `tsc --noEmit` do the type checking.
	transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
	testTimeout: 60000,
	// Most of a file's time is waiting on the sandbox and the node's own pauses, not CPU: four workers
	// keep two cores busy (Jest's default on two cores is one worker).
	maxWorkers: 4,
};

/**
 * `npm test`: the same tests as jest.config.js, one entry per subject folder (`<folder>.subject.ts`)
 * that runs the folder's files in one module registry, so n8n-core is loaded once per folder, not per file.
 */
const base = require('../jest.config');

module.exports = {
	...base,
	rootDir: '..',
	testMatch: ['**/*.subject.ts'],
	testSequencer: '<rootDir>/test/helpers/subjectSequencer.js',
};

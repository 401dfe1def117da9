/**
 * Starts the slowest subject entries first, on every run. Jest orders by the durations in its cache, and a
 * first run (a fresh clone, an empty cache) would otherwise start them last and wait on them at the end.
 */
const path = require('path');
const Sequencer = require('@jest/test-sequencer').default;

const SLOWEST_FIRST = ['importLostAnswers', 'operations', 'import', 'transport', 'router', 'credential', 'sandbox', 'trigger'];

const rank = (test) => {
	const position = SLOWEST_FIRST.indexOf(path.basename(test.path, '.subject.ts'));
	return position === -1 ? SLOWEST_FIRST.length : position;
};

module.exports = class SlowestFirst extends Sequencer {
	sort(tests) {
		return [...tests].sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
	}
};

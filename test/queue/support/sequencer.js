/** Runs the scenario files in name order (1-… to 5-…): they share one cluster and one sandbox. */
const Sequencer = require('@jest/test-sequencer').default;

module.exports = class ByName extends Sequencer {
	sort(tests) {
		return [...tests].sort((a, b) => a.path.localeCompare(b.path));
	}
};

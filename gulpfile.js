const { src, dest } = require('gulp');

/** tsc compiles the code; icons and codex files are copied next to it, keeping their folders. */
function buildAssets() {
	return src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}', 'icons/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.build = buildAssets;
exports.default = buildAssets;

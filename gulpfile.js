const fs = require('node:fs');
const { src, dest } = require('gulp');

/** A fresh dist/: a file whose source was moved or removed must not shadow the new layout. */
async function clean() {
	fs.rmSync('dist', { recursive: true, force: true });
}

/** tsc compiles the code; icons and codex files are copied next to it, keeping their folders. */
function buildAssets() {
	// nodes/*/v1/*.svg are links that only serve the icon linter (see YunkeV1.node.ts)
	return src(['nodes/**/*.{png,svg}', '!nodes/*/v*/*.svg', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}', 'icons/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.clean = clean;
exports.build = buildAssets;
exports.default = buildAssets;

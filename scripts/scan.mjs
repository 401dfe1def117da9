// The local stand-in for `npx @n8n/scan-community-package`: its CLI needs a published package with
// provenance, so the same analysis runs here on the source tree and, when built, on the packed tarball.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
let failed = false;

function report(label, result) {
	console.log(`scanner ${label}: ${result.passed ? 'passed' : `FAILED (${result.message})`}`);
	if (!result.passed) {
		failed = true;
		if (result.details) console.log(result.details);
	}
}

report('source', await analyzePackage(root, SOURCE_FILE_PATTERNS));

if (fs.existsSync(path.join(root, 'dist'))) {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yunke-scan-'));
	try {
		const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' })
			.trim()
			.split('\n')
			.pop();
		const extracted = path.join(work, 'package');
		fs.mkdirSync(extracted);
		execFileSync('tar', ['xzf', path.join(work, tarball), '-C', extracted, '--strip-components=1']);
		report('packed tarball', await analyzePackage(extracted, ['**/*.js', 'package.json']));
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
} else {
	console.log('scanner packed tarball: skipped (run npm run build first)');
}

process.exit(failed ? 1 : 0);

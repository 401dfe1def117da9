import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('repository housekeeping', () => {
	it('ships an MIT LICENSE naming the package author', () => {
		const pkg = JSON.parse(read('package.json')) as { license: string; author: { name: string } };
		const license = read('LICENSE');
		expect(pkg.license).toBe('MIT');
		expect(license).toMatch(/^MIT License/);
		expect(license).toContain(`Copyright (c) `);
		expect(license).toContain(pkg.author.name);
		expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS"');
	});

	it('names no package-registry address in any tracked file; publishing takes it from npm', () => {
		const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
			.split('\n')
			.filter((file) => file && file !== 'package-lock.json' && !/\.(png|svg|xlsx|wav)$/.test(file));
		// built from pieces so that this file does not match itself
		const registryHost = new RegExp(['registry\\.(npmjs\\.(org|com)|yarnpkg\\.com|npmmirror\\.com)', ['registry', 'url'].join('-')].join('|'));
		const offenders = files.filter((file) => registryHost.test(read(file)));
		expect(offenders).toEqual([]);
		const publish = read('.github/workflows/publish.yml');
		expect(publish).toContain('npm publish --provenance');
		expect(publish).toContain('npm config get registry');
	});
});

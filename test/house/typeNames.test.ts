/** No two exported types, interfaces, classes or enums in `nodes/` and `credentials/` share a name. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

function exportedTypeNames(): Map<string, string[]> {
	const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'nodes', 'credentials'], { cwd: root, encoding: 'utf8' })
		.split('\n')
		.filter((file) => file.endsWith('.ts'));
	const places = new Map<string, string[]>();
	for (const file of files) {
		for (const match of readFileSync(join(root, file), 'utf8').matchAll(/^export (?:declare )?(?:abstract )?(?:type|interface|class|enum) (\w+)/gm)) {
			places.set(match[1], [...(places.get(match[1]) ?? []), file]);
		}
	}
	return places;
}

describe('exported type names', () => {
	const places = exportedTypeNames();

	it('are unique across nodes/ and credentials/', () => {
		const shared = [...places].filter(([, files]) => files.length > 1).map(([name, files]) => `${name}: ${files.join(', ')}`);
		expect(shared).toEqual([]);
	});

	it('reads types, interfaces and classes', () => {
		expect(places.get('RequestSession')).toEqual(['nodes/Yunke/transport/requestSession.ts']);
		expect(places.get('YunkeCredentialError')).toEqual(['nodes/Yunke/shared/loginAndSigning.ts']);
		expect(places.get('NodeError')).toEqual(['nodes/Yunke/v1/actions/itemErrors.ts']);
	});
});

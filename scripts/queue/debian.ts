/** Debian packages the queue suite needs (redis-server, postgresql-15): apt-get installs them when we run as root. */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

export function hasCommand(command: string): boolean {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * `apt-get install -y <package>` when `present()` is false and we are root; otherwise throws what to
 * install. `alternative` says how to use an existing server instead.
 */
export function ensureDebianPackage(debianPackage: string, present: () => boolean, alternative: string, log: (line: string) => void): void {
	if (present()) return;
	if (process.getuid?.() !== 0) throw new Error(`Debian's ${debianPackage} is not installed. Install it (sudo apt-get install -y ${debianPackage}), or ${alternative}.`);
	log(`${debianPackage} missing: apt-get install -y ${debianPackage}`);
	if (debianPackage.startsWith('postgresql') && !fs.existsSync('/etc/postgresql-common/createcluster.conf')) {
		// the suite makes its own data folder: no default cluster (and no server left running on 5432)
		fs.mkdirSync('/etc/postgresql-common', { recursive: true });
		fs.writeFileSync('/etc/postgresql-common/createcluster.conf', 'create_main_cluster = false\n');
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = () => execFileSync('apt-get', ['install', '-y', '--no-install-recommends', debianPackage], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	try {
		install();
	} catch {
		execFileSync('apt-get', ['update'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		install();
	}
	if (!present()) throw new Error(`apt-get installed ${debianPackage}, but it is still missing`);
}

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { SandboxOptions } from '../../sandbox/server';
import { yunkeTestBed, type YunkeTestBed } from './yunke';

export interface BedOptions {
	/** Fields of the `Yunke API` credential over the sandbox's password login (e.g. `timeoutSeconds`). */
	credential?: ICredentialDataDecryptedObject;
	/** The sandbox's start readings and speeds: every test begins with them. */
	sandbox?: SandboxOptions;
}

/**
 * The sandbox + engine bed of one test file: started before its first test, stopped after its last,
 * and before each test the seeded tenant again (data, clock, faults, readings and speeds as started)
 * with a cold credential. Call it at the top of the file; the bed is usable inside hooks and tests.
 */
export function useBed(options: BedOptions = {}): YunkeTestBed {
	const bed = {} as YunkeTestBed;
	let startSpeed = {};
	beforeAll(async () => {
		Object.assign(bed, await yunkeTestBed(options.credential, options.sandbox));
		startSpeed = { ...bed.sandbox.speed };
	});
	beforeEach(() => {
		bed.sandbox.reset();
		Object.assign(bed.sandbox.speed, startSpeed);
		bed.coldCredential();
	});
	afterAll(async () => await bed.close?.());
	return bed;
}

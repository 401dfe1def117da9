import axios, { type AxiosResponse } from 'axios';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { DEMO_LOGIN } from '../../sandbox/seed';
import { Sandbox, type SandboxOptions } from '../../sandbox/server';
import { buildLoginRequest, parseLoginResponse, signRequest } from '../../nodes/Yunke/shared/loginAndSigning';

export { DEMO_LOGIN };

/** A sandbox on a free port; the caller stops it (or use `useSandbox`). */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const sandbox = new Sandbox({ quiet: true, ...options });
	await sandbox.start();
	return sandbox;
}

export interface SandboxBed {
	sandbox: Sandbox;
	/** Logged in with the password credential before each test. */
	client: RawClient;
}

/**
 * The sandbox of one test file, without the engine (the engine and the sandbox: `useBed`): started
 * before its first test, stopped after its last, and before each test the seeded tenant again
 * (`reset()`: data, clock, readings) and a fresh login of `client`. Call it at the top of the file.
 */
export function useSandbox(options: SandboxOptions = {}): SandboxBed {
	const bed = {} as SandboxBed;
	beforeAll(async () => (bed.sandbox = await startSandbox(options)));
	afterAll(async () => await bed.sandbox?.stop());
	beforeEach(async () => {
		bed.sandbox.reset();
		bed.client = new RawClient(passwordCredential(bed.sandbox));
		await bed.client.login();
	});
	return bed;
}

const LOGINS = {
	password: { username: DEMO_LOGIN.username, password: DEMO_LOGIN.password },
	accessId: { accessId: DEMO_LOGIN.accessId, accessSecret: DEMO_LOGIN.accessSecret },
};

/** The `Yunke API` credential of the sandbox's seeded account, logging in one of the two ways. */
function sandboxCredential(sandbox: Sandbox, authentication: keyof typeof LOGINS, overrides: ICredentialDataDecryptedObject) {
	return { baseUrl: sandbox.url, authentication, ...LOGINS[authentication], ...overrides } as ICredentialDataDecryptedObject;
}

export const passwordCredential = (sandbox: Sandbox, overrides: ICredentialDataDecryptedObject = {}) => sandboxCredential(sandbox, 'password', overrides);
export const accessIdCredential = (sandbox: Sandbox, overrides: ICredentialDataDecryptedObject = {}) => sandboxCredential(sandbox, 'accessId', overrides);

/** Plain HTTP (no n8n) with the node's own login and signing rules: a reference client for tests and benchmarks. */
export class RawClient {
	session: ICredentialDataDecryptedObject = {};

	constructor(private readonly credential: ICredentialDataDecryptedObject) {}

	async login(): Promise<void> {
		const request = buildLoginRequest(this.credential);
		const response = await axios.post(String(request.url), request.body, { validateStatus: () => true });
		this.session = { ...this.credential, ...parseLoginResponse(response.data, this.credential) };
	}

	async call(method: 'GET' | 'POST', endpoint: string, params: IDataObject = {}): Promise<AxiosResponse> {
		const signed = signRequest(this.session, method === 'GET' ? { method, url: endpoint, qs: params } : { method, url: endpoint, body: params });
		return await axios.request({
			method,
			baseURL: signed.baseURL,
			url: endpoint,
			params: signed.qs,
			data: signed.body,
			headers: signed.headers as Record<string, string> | undefined,
			validateStatus: () => true,
			responseType: method === 'GET' ? 'arraybuffer' : 'json',
		});
	}
}

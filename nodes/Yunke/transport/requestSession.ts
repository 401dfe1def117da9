import { sleep } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { API_KEY_REFRESH_MARGIN_SECONDS, AUTH_RENEW_CODES } from '../shared/contract';
import { credentialTimeoutMs, sessionOwner } from '../shared/loginAndSigning';
import { CREDENTIAL_TYPE, credentialReference, type YunkeContext } from './context';
import { flyLogin, loginInFlight, loginsLanded } from './loginFlight';

/** Key renewals per request: our own login once, keys other executions stored the rest. */
const MAX_RENEWALS = 4;
const STORE_POLLS = 5;
const STORE_POLL_MS = 100;
const LOGIN_JITTER_MS = 250;
/** How long the requests of one execution share one read of the stored session. */
const SHARED_READ_MS = 1000;

interface SharedRead {
	data: Promise<ICredentialDataDecryptedObject>;
	/** `loginsLanded` when the read started */
	landed: number;
	at: number;
}
const sharedReads = new WeakMap<YunkeContext, SharedRead>();

/** Sends signed with these credential data (n8n's login fills in an empty `apiKey` first). */
type Send<T> = (credentials: ICredentialDataDecryptedObject) => Promise<T>;

/**
 * The stored session one request uses, and its renewal when Yunke rejects the key. Executions sharing
 * the credential (queue mode) all see the same dead key: each takes a key another execution stored
 * since, and logs in itself at most once.
 */
export class RequestSession {
	private readonly rejectedKeys = new Set<string>();
	private renewals = 0;
	private loggedIn = false;
	private forceLogin: boolean;

	private constructor(
		private readonly ctx: YunkeContext,
		private readonly itemIndex: number,
		private data: ICredentialDataDecryptedObject,
		/** `loginsLanded` when `data` was read */
		private readAfterLogins: number,
	) {
		this.forceLogin = sessionNeedsLogin(data);
	}

	static async open(ctx: YunkeContext, itemIndex = 0): Promise<RequestSession> {
		const landedBefore = loginsLanded(credentialIdOf(ctx));
		return new RequestSession(ctx, itemIndex, await readSession(ctx, itemIndex, landedBefore), landedBefore);
	}

	/** The credential's Request Timeout, the one the login uses too. */
	get timeoutMs(): number {
		return credentialTimeoutMs(this.data);
	}

	/**
	 * Sends with the current key. A needed login (cold credential, near expiry, a renewal) waits for the
	 * login another execution of this process is making and takes its key; without one, it is the login.
	 */
	async send<T>(send: Send<T>): Promise<T> {
		if (!this.forceLogin && this.data.apiKey) return await send({ ...this.data });
		const credentialId = credentialIdOf(this.ctx);
		// a login of this process in flight, or one that landed while this request read the credential
		while (loginInFlight(credentialId) || loginsLanded(credentialId) !== this.readAfterLogins) {
			await loginInFlight(credentialId)?.catch(() => undefined); // its failure is its own: this request tries next
			const stored = await this.storedFreshKey(1);
			if (stored) return await this.sendWithStored(stored, send);
		}
		this.forceLogin = false;
		return await flyLogin(credentialId, async () => {
			// Other processes (workers) that need a login at the same moment would each log in and kill
			// each other's key: one random pause per process lets the first store its key for the others.
			await sleep(Math.random() * LOGIN_JITTER_MS);
			const stored = await this.storedFreshKey(1);
			if (stored) return await this.sendWithStored(stored, send);
			// n8n's preAuthentication logs in for an empty key and writes the new key into this object; this
			// item's own login details (`data` may be a read shared with other items)
			const loginWith = { ...(await this.ctx.getCredentials(CREDENTIAL_TYPE, this.itemIndex)), apiKey: '' };
			this.loggedIn = true;
			try {
				return await send(loginWith);
			} finally {
				this.data = loginWith;
			}
		});
	}

	/** After Yunke rejected a key (20005/20006): true when there is a fresher key to retry with, or a login to make. */
	async renew(code: number | undefined): Promise<boolean> {
		if (!isRenewCode(code) || this.renewals++ >= MAX_RENEWALS) return false;
		this.rejectedKeys.add(String(this.data.apiKey ?? ''));
		// after our own login was killed too, another process is mid-login: wait for its key rather than
		// log in again (which would kill it)
		let fresher = await this.storedFreshKey(this.loggedIn ? STORE_POLLS : 1);
		// none: `send` logs in (after its pause, unless another process's key shows up)
		this.forceLogin = !fresher && !this.loggedIn;
		if (fresher) this.useStored(fresher);
		return !!fresher || this.forceLogin;
	}

	private async sendWithStored<T>(stored: ICredentialDataDecryptedObject, send: Send<T>): Promise<T> {
		this.useStored(stored);
		this.forceLogin = false;
		return await send({ ...stored });
	}

	/** A key another execution stored: this request's, and the one the next requests of the execution sign with. */
	private useStored(stored: ICredentialDataDecryptedObject): void {
		this.data = stored;
		sharedReads.set(this.ctx, { data: Promise.resolve(stored), landed: this.readAfterLogins, at: Date.now() });
	}

	/** The stored session when it holds a key other than this request's, not rejected and not itself due for a login. */
	private async storedFreshKey(polls: number): Promise<ICredentialDataDecryptedObject | undefined> {
		for (let poll = 0; poll < polls; poll++) {
			if (poll > 0) await sleep(STORE_POLL_MS * poll);
			this.readAfterLogins = loginsLanded(credentialIdOf(this.ctx));
			const latest = await this.ctx.getCredentials(CREDENTIAL_TYPE, this.itemIndex);
			const fresh = latest.apiKey && latest.apiKey !== this.data.apiKey && !this.rejectedKeys.has(String(latest.apiKey)) && !sessionNeedsLogin(latest);
			if (fresh) return latest;
		}
		return undefined;
	}
}

/**
 * The stored session as a request of this execution read it under a second ago, when no login of this
 * process landed since: the items of a run in flight share it instead of each reading (and decrypting)
 * the credential, and requests are signed with it (n8n does not read the credential again when given
 * it). A key that died meanwhile (another worker logged in) is answered 20005/20006: `renew` then
 * takes the stored key and shares it with the next requests. A login reads its item's credential itself.
 */
async function readSession(ctx: YunkeContext, itemIndex: number, landed: number): Promise<ICredentialDataDecryptedObject> {
	const shared = sharedReads.get(ctx);
	if (shared && shared.landed === landed && Date.now() - shared.at < SHARED_READ_MS) {
		try {
			return await shared.data;
		} catch {
			// its failure belongs to the item that read: this one reads for itself below
		}
	}
	const data = ctx.getCredentials(CREDENTIAL_TYPE, itemIndex);
	sharedReads.set(ctx, { data, landed, at: Date.now() });
	return await data;
}

function credentialIdOf(ctx: YunkeContext): string {
	return credentialReference(ctx).id;
}

function isRenewCode(code: number | undefined): boolean {
	return code !== undefined && (AUTH_RENEW_CODES as readonly number[]).includes(code);
}

function sessionNeedsLogin(session: ICredentialDataDecryptedObject): boolean {
	if (!session.apiKey) return false; // cold: `send` logs in anyway
	const expiresAt = Number(session.expiresAt);
	const nearExpiry = Number.isFinite(expiresAt) && expiresAt > 0 && Date.now() / 1000 > expiresAt - API_KEY_REFRESH_MARGIN_SECONDS;
	return nearExpiry || !ownedByLogin(session);
}

const owners = new WeakMap<ICredentialDataDecryptedObject, boolean>();

/** Whether the stored key was issued for these login details; once per read (a read is shared by many requests). */
function ownedByLogin(session: ICredentialDataDecryptedObject): boolean {
	let owned = owners.get(session);
	if (owned === undefined) owners.set(session, (owned = session.sessionFor === sessionOwner(session)));
	return owned;
}

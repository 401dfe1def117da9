import { randomBytes } from 'node:crypto';

import { API_KEY_ECHO_FIELD, LOGIN_FROM, LOGIN_TIMESTAMP_WINDOW_SECONDS } from './vendor';
import { Params, VendorFault, type ApiResponse } from './routeToolkit';
import { parseChinaText, type Clock } from './clock';
import { expectedUrl, md5 } from './php';
import type { SandboxData } from './state';

export interface AuthConfig {
	apiKeyTtlSeconds: number;
	/** Check the `url` signature on business calls too (the real server may not; ours does). */
	enforceUrlOnBusinessCalls: boolean;
}

interface Session {
	apiKey: string;
	userSn: string;
	expiresAt: number;
}

/** Both logins of 1.2/1.3 and the single-session api_key of 1.2/1.3: a new login kills the old key. */
export class AuthService {
	private active: Session | undefined;
	private retired = new Set<string>();
	logins = 0;

	constructor(
		private readonly clock: Clock,
		readonly config: AuthConfig,
	) {}

	reset(): void {
		this.active = undefined;
		this.retired.clear();
		this.logins = 0;
	}

	currentKey(): string | undefined {
		return this.active?.apiKey;
	}

	invalidate(): void {
		if (this.active) this.retired.add(this.active.apiKey);
		this.active = undefined;
	}

	expireNow(): void {
		if (this.active) this.active.expiresAt = this.clock.nowSeconds() - 1;
	}

	login(data: SandboxData, params: Params): ApiResponse {
		const from = params.str('from');
		if (from === LOGIN_FROM.accessId) this.checkAccessSign(data, params);
		else if (from === LOGIN_FROM.password) this.checkPassword(data, params);
		else throw new VendorFault(20003);
		if (!data.account.apiPermission) throw new VendorFault(20007);
		if (this.active) this.retired.add(this.active.apiKey);
		this.logins += 1;
		this.active = {
			apiKey: randomBytes(6).toString('base64').replace(/[^A-Za-z0-9]/g, 'x').slice(0, 8),
			userSn: data.account.userSn,
			expiresAt: this.clock.nowSeconds() + this.config.apiKeyTtlSeconds,
		};
		const account = data.account;
		return {
			json: {
				code: 0,
				msg: 'login success',
				data: {
					id: account.id,
					user_name: account.username,
					user_sn: account.userSn,
					team_name: account.teamName,
					expired: account.expired,
					ai_count: account.aiSeats,
					caller_group: account.callerGroup,
					api_key: this.active.apiKey,
					parent_sn: null,
					status: null,
					api_key_expire: this.active.expiresAt,
					team_sn: account.teamSn,
					job: '管理员',
				},
			},
		};
	}

	private checkAccessSign(data: SandboxData, params: Params): void {
		const timestamp = params.str('timestamp');
		const sent = parseChinaText(timestamp);
		if (!sent || Math.abs(sent.getTime() - this.clock.now().getTime()) > LOGIN_TIMESTAMP_WINDOW_SECONDS * 1000) throw new VendorFault(20004);
		const sign = md5(`${params.str('api_access_id')}${data.account.accessSecret}${timestamp}`);
		if (params.str('api_access_id') !== data.account.accessId || params.str('sign') !== sign) throw new VendorFault(20004);
	}

	private checkPassword(data: SandboxData, params: Params): void {
		if (params.str('url') !== expectedUrl(params.entries)) throw new VendorFault(10001);
		if (params.str('username') !== data.account.username || params.str('password') !== data.account.password) {
			throw new VendorFault(20004);
		}
	}

	/** The public parameters every business call carries after login. */
	verify(data: SandboxData, params: Params, isGet: boolean): void {
		const apiKey = params.str('api_key') || params.str(API_KEY_ECHO_FIELD);
		const session = this.active;
		if (!session || session.apiKey !== apiKey || params.str('user_sn') !== session.userSn) {
			throw new VendorFault(20005);
		}
		if (session.expiresAt < this.clock.nowSeconds()) throw new VendorFault(20006);
		if (!data.account.apiPermission) throw new VendorFault(20007);
		if (this.config.enforceUrlOnBusinessCalls || isGet) {
			if (params.str('url') !== expectedUrl(params.entries)) throw new VendorFault(10001);
		}
	}
}

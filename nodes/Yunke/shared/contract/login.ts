/** Login `from` values: 1 = access id + md5 sign (1.2), 2 = interface login with username (1.3). */
export const LOGIN_FROM = { accessId: 1, password: '2' } as const;

/** The api_key lives 2 hours; refresh a minute early, as public clients do. */
export const API_KEY_LIFETIME_SECONDS = 2 * 60 * 60;
export const API_KEY_REFRESH_MARGIN_SECONDS = 60;

/** The vendor's signature window for the access-id login timestamp. */
export const LOGIN_TIMESTAMP_WINDOW_SECONDS = 5 * 60;

/** Codes that mean "the api_key is no longer valid": log in again and retry once. */
export const AUTH_RENEW_CODES = [20005, 20006] as const;

/** 5.3.2 wants the api_key a second time, spelled `apikey`; signing fills it with the session key. */
export const API_KEY_ECHO_FIELD = 'apikey';

/** 1.2 / 1.3: the two logins and the session key they hand out. */

/** `from`: 1 = access id + md5 `sign` (1.2), 2 = username + password + `url` (1.3); anything else is 20003. */
export const LOGIN_FROM = { accessId: '1', password: '2' } as const;

/** 1.2: the `timestamp` of the signed login must be within 5 minutes of server time. */
export const LOGIN_TIMESTAMP_WINDOW_SECONDS = 5 * 60;

/** 1.2 / 1.3: an `api_key` is valid for 2 hours; a new login of the same account invalidates the old key. */
export const API_KEY_LIFETIME_SECONDS = 2 * 60 * 60;

/** 5.3.2 wants the session key a second time, spelled `apikey`. */
export const API_KEY_ECHO_FIELD = 'apikey';

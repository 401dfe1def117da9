// Pushes (6.6.1, 5.7.15) and their settings (9.1 `setCallback`). ASSUMED where the vendor is silent:
// - the platform POSTs to the configured URL exactly as given, query string included (the trigger's
//   secret token travels as `?token=`);
// - `open_callback` switches only call-result pushes; import pushes go out whenever
//   `task_callback_url` is set, and an empty `task_callback_url` switches them off;
// - an import push is told apart from a call result by its shape: `dial_task_main_sn` + `import_mark`, no `sn`;
//   `import_mark` is an object of counts on success and a text (the reason) on failure.

/** Call-result pushes must be answered with this plain text or the platform retries. */
export const PUSH_ACK = 'SUCCESS';

/** After a first attempt that is not answered with PUSH_ACK the platform retries this many more times. */
export const PUSH_RETRIES = 3;

/** A record `sn` is `account|` + 32 hex characters; anything far longer is no push of the platform. */
export const PUSH_SN_MAX_LENGTH = 200;

export const CALLBACK_FIELDS = {
	pushOn: 'open_callback',
	callResultUrl: 'callback_url',
	importUrl: 'task_callback_url',
} as const;
export const PUSH_SWITCH = { on: 1, off: 0 } as const;

/** A call was answered when `hangup_reason` is this (when absent: `talktimes` > 0); the AI intent level is the first letter (A–F) of `status`. */
export const CONNECTED_REASON = '已接通';

/** The query parameter of a Yunke Trigger URL that carries its secret token (`…/yunke?token=…`). */
export const TRIGGER_TOKEN_PARAMETER = 'token';

export const CALLBACK_URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

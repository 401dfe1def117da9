/** 6.6.1 / 5.7.15 pushes and their settings (9.1 `setCallback`). */

/** 6.6.1: the receiver answers this plain text, or the platform tries again ("三次"). */
export const PUSH_ACK = 'SUCCESS';
export const PUSH_RETRIES = 3;

/** 9.1 fields: the push switch and the two URLs. */
export const CALLBACK_FIELDS = { pushOn: 'open_callback', callResultUrl: 'callback_url', importUrl: 'task_callback_url' } as const;
export const PUSH_SWITCH = { on: 1, off: 0 } as const;

/** 9.1: `callback_url` must start with `http://` or `https://`. */
export const CALLBACK_URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

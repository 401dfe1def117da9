import { ok, VendorFault, type AreaRoutes } from '../routeToolkit';
import { CALLBACK_FIELDS, CALLBACK_URL_PATTERN, path, PUSH_SWITCH } from '../vendor';

/** 9.1 setCallback: the account's push switch and its two push URLs. */
export const callbackRoutes: AreaRoutes = {
	[path('9.1')]: {
		method: 'POST',
		handler: ({ data, params }) => {
			const open = params.int(CALLBACK_FIELDS.pushOn, -1);
			if (open !== PUSH_SWITCH.on && open !== PUSH_SWITCH.off) throw new VendorFault(20002);
			const callbackUrl = params.required(CALLBACK_FIELDS.callResultUrl);
			if (!CALLBACK_URL_PATTERN.test(callbackUrl)) throw new VendorFault(20002);
			const settings = { ...data.callback, open_callback: open, callback_url: callbackUrl };
			if (params.has(CALLBACK_FIELDS.importUrl)) {
				const importUrl = params.str(CALLBACK_FIELDS.importUrl).trim();
				if (importUrl && !CALLBACK_URL_PATTERN.test(importUrl)) throw new VendorFault(20002);
				settings.task_callback_url = importUrl;
			}
			data.callback = settings;
			return ok(undefined, 'SUCCESS');
		},
	},
};

/**
 * The readings of the vendor pages this tenant takes where the pages are strict or ambiguous.
 * The default of each is the reading that hurts a careless client most; tests and users switch to
 * another reading with `POST /__control/config { "shapes": { … } }` or `new Sandbox({ shapes })`.
 * docs/vendor-conformance.md has one row per reading.
 */
export interface SandboxShapes {
	/** 5.7.2 `client_info_json`: the one form the tenant accepts; the other is answered 30006. */
	clientInfoJson: 'object' | 'string';
	/**
	 * 5.2 `pkeys`: 'idOnly' takes the numeric `dial_task_main_id` only (an older vendor text: "not the sn");
	 * an sn is answered `code: 0` and changes nothing. 'idOrSn' takes either, as the current copies say.
	 */
	taskPkeys: 'idOnly' | 'idOrSn';
	/**
	 * 5.7.2/5.7.1 without `is_zidong` (nothing documents it): 'on' starts dialling at once, 'off' creates the
	 * task paused. `is_zidong: "on"` starts it under both.
	 */
	isZidongDefault: 'on' | 'off';
	/** 2.1.1 rows: 'absent' carries no `role_id` (as the public sample row), 'present' carries it. */
	subAccountRowRole: 'absent' | 'present';
	/**
	 * 2.1.4 marks `password` and `re_password` required: 'required' refuses them empty (20002);
	 * 'emptyKeeps' takes both empty as "keep the current password".
	 */
	subAccountUpdatePassword: 'required' | 'emptyKeeps';
	/**
	 * 6.6.1 call-result pushes: 'minimal' carries what the public samples show (no `hangup_reason`, no task
	 * fields `dial_task_main_sn`/`source`; answered only in `talktimes`/`connected_at`); 'full' the whole record.
	 */
	pushFields: 'minimal' | 'full';
}

export const STRICT_SHAPES: SandboxShapes = {
	clientInfoJson: 'object',
	taskPkeys: 'idOnly',
	isZidongDefault: 'on',
	subAccountRowRole: 'absent',
	subAccountUpdatePassword: 'required',
	pushFields: 'minimal',
};

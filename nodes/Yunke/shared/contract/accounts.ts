// Sub-accounts and extensions (2.1), skill groups (2.3), roles (3), call times (4), do-not-disturb (8).

/** "Create extension" (docs/vendor-facts.md, "The pages the node reads"): a sub-account created through 2.1.2 with these extra fields. */
export const EXTENSION_FIELDS = { extension: 'ext', inboundNumber: 'callin_phone' } as const;

/**
 * Sub-account update (2.1.4) documents no key field: the account is named by `user_name` (as 2.1.3
 * deletes by it), so a username cannot be changed.
 */
export const SUB_ACCOUNT_KEY = 'user_name';

/** 2.1.3 deletes by this key; `entityInstanceId` carries the user names. */
export const SUB_ACCOUNT_DELETE_PKEY = 'user_name';

/**
 * 2.1.2 requires `organization_id` but no call lists organisations, and the root is not always 1 (a
 * public 2.1.1 sample row shows 216): without one from the user, the node takes the
 * `organization_id` of the first sub-account 2.1.1 lists.
 */
export const ORGANIZATION_FIELD = 'organization_id';

/**
 * 2.1.4 marks these as required (是) besides `user_name`: an update reads the current record (2.1.1) and
 * sends all of them with the changes merged. 2.1.1 never returns the password (and no value that keeps it
 * is documented), nor, in the public sample row, `role_id`: those the user gives.
 */
export const SUB_ACCOUNT_UPDATE_REQUIRED = ['contact', 'password', 're_password', 'organization_id', 'role_id', 'max_call_count'] as const;

/** 2.3.3 names the skill group by this key; 2.3.4 sends `entityInstanceId` as a JSON-encoded array. */
export const SKILL_GROUP_PKEY = 'skillgroup_sn';

/** 3.1 requires `roleid`; 0 (no role) returns the whole tree with nothing `checked` (ASSUMED). */
export const PERMISSION_TREE_ANY_ROLE = 0;

/**
 * Roles: 3.3 sends `permission` as a JSON array (3.4's example writes `permission[]`, a PHP form
 * key; JSON is used for both); 3.3 returns no id; 3.5 answers the bare role object (BARE_RECORD_ENDPOINTS).
 */
export const ROLE_PERMISSION_FIELD = 'permission';

/** Days of the week in 4.3/4.4: week1 = Monday … week7 = Sunday; `holiday`/`holiday_status` are ASSUMED fields. */
export const CALL_TIME_DAYS = ['week1', 'week2', 'week3', 'week4', 'week5', 'week6', 'week7'] as const;

// 8.4 answer (not retrieved, ASSUMED): `{"code":0,"msg":"导入成功","data":{"success":n,"fail":n,"repeat":n}}`;
// `term_value` is the blocking period in days (0 = permanent), `term_time` = created_at + term_value days.

/** 8.4 takes the Excel file of numbers under this multipart field. */
export const DND_UPLOAD_FIELD = 'upload';

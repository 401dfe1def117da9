/** Sub-accounts (2.1), skill groups (2.3), call times (4.3/4.4), do-not-disturb (8.4). */

/** 2.1.2 / 2.1.4: the form; every field is marked required (是) on both pages. */
export const SUB_ACCOUNT_FORM = ['user_name', 'contact', 'password', 're_password', 'organization_id', 'role_id', 'max_call_count'] as const;

/** 2.1.3 `pkey` is the fixed value `user_name`; `entityInstanceId` lists the user names. */
export const SUB_ACCOUNT_DELETE_PKEY = 'user_name';

/**
 * An extension is a sub-account with an extension number (2.1.1 rows carry `ext`) and an inbound number
 * (40007 呼入号码); the inbound number's field is `callin_phone` by assumption (docs/vendor-facts.md).
 */
export const EXTENSION_FIELDS = { extension: 'ext', inboundNumber: 'callin_phone' } as const;

/** 2.3.3 `pkey` is the fixed value `skillgroup_sn`. */
export const SKILL_GROUP_PKEY = 'skillgroup_sn';

/** 4.3 / 4.4: week1 = Monday … week7 = Sunday, each a comma list of `HH:MM-HH:MM` ranges. */
export const CALL_TIME_DAYS = ['week1', 'week2', 'week3', 'week4', 'week5', 'week6', 'week7'] as const;

/** 8.4 takes a batch of numbers as an Excel file under `upload`. */
export const DND_UPLOAD_FIELD = 'upload';

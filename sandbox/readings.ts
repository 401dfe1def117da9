/**
 * The readings of the vendor pages this tenant takes where the pages are strict or ambiguous, one entry
 * each: the vendor section, what the rule is about, and every value with what the tenant does under it.
 * The default of each is the reading that hurts a careless client most; tests and users switch with
 * `POST /__control/config { "shapes": { … } }`, `new Sandbox({ shapes })` or `npm run sandbox -- --reading
 * name=value`. Types, defaults and validation derive from READINGS, so adding a reading is one entry here
 * (and its row in docs/vendor-conformance.md).
 */
export const READINGS = {
	clientInfoJson: reading({
		vendorSection: '5.7.2',
		description: '`client_info_json`: the one form of the rows the tenant accepts; the other is answered 30006.',
		default: 'object',
		alternatives: {
			object: 'a nested object `{"data":[…]}` inside the JSON body, as public client code sends it',
			string: 'a JSON string, as the table\'s type "json" can be read',
		},
	}),
	phoneMatch: reading({
		vendorSection: '5.7.2, 5.3.2, 6.1, 8.1–8.4, 6.7',
		description:
			'How numbers are compared: the duplicate check of a task\'s rows (`repeatCount`), the do-not-disturb list, cancel by number, the `phone` filters, the CRM pools. Every public sample is a bare number; nothing says the platform cleans one up.',
		default: 'exact',
		alternatives: {
			exact: 'stored and compared as sent: `+86 138 0013 8000` and `13800138000` are two people',
			normalised: 'compared by their digits without separators or the 86 country code',
		},
	}),
	emptyDates: reading({
		vendorSection: '5.1, 6.1',
		description: '`start_create_at` / `end_create_at` left empty: "为空请求当天数据".',
		default: 'today',
		alternatives: {
			today: 'an empty bound is today\'s (China time): no dates means today\'s rows only',
			all: 'an empty bound is open: no dates means every row',
		},
	}),
	maxDateRangeDays: reading({
		vendorSection: '5.1, 6.1',
		description: 'The widest creation range one request may ask for; the docs state none, and 6.1\'s own example spans 69 days.',
		default: '90',
		alternatives: {
			'90': 'a closed range wider than 90 days is answered 20002',
			unlimited: 'any range is answered',
		},
	}),
	unpagedLists: reading({
		vendorSection: '8.1',
		description: 'A list that documents no paging parameters.',
		default: 'samePage',
		alternatives: {
			samePage: '`pageIndex` is ignored (`pageSize` is honoured): every page is the first',
			paged: '`pageIndex` pages as in the other lists',
		},
	}),
	taskPkeys: reading({
		vendorSection: '5.2',
		description: '`pkeys`: current copies take the task id or the sn; an older text says "注意不是dial_task_main_sn" (not the sn).',
		default: 'idOnly',
		alternatives: {
			idOnly: 'only the numeric `dial_task_main_id`; an sn is answered `code: 0` and changes nothing',
			idOrSn: 'the id or the sn (not mixed)',
		},
	}),
	isZidongDefault: reading({
		vendorSection: '5.7.2',
		description: 'A creation without `is_zidong` (public clients send `"on"`; nothing documents its absence).',
		default: 'on',
		alternatives: {
			on: 'the new task starts dialling at once',
			off: 'the new task waits paused until 5.2 `keepOn`',
		},
	}),
	subAccountRowRole: reading({
		vendorSection: '2.1.1',
		description: 'Whether list rows carry `role_id` (the full public sample row has none).',
		default: 'absent',
		alternatives: {
			absent: 'rows carry no `role_id`',
			present: 'rows carry `role_id`',
		},
	}),
	subAccountUpdatePassword: reading({
		vendorSection: '2.1.4',
		description: '`password` and `re_password` are marked required (是); no value that keeps the password is documented.',
		default: 'required',
		alternatives: {
			required: 'empty password fields are refused with 20002',
			emptyKeeps: 'both password fields empty keep the current password',
		},
	}),
	pushFields: reading({
		vendorSection: '6.6.1',
		description: 'The fields of a call-result push (no public sample shows `hangup_reason` or the task fields).',
		default: 'minimal',
		alternatives: {
			minimal: 'no `hangup_reason`, no `dial_task_main_sn`, no `source`: answered only in `talktimes`/`connected_at`',
			full: 'the whole call record',
		},
	}),
	skillGroupDelete: reading({
		vendorSection: '2.3.4',
		description: 'The delete page prints the list path of 2.3.1 and no other.',
		default: 'listPathDeletes',
		alternatives: {
			listPathDeletes: 'on the list path, a request with `entityInstanceId` deletes those groups and answers `{rst:"200", success_num, fail_num}`',
			listPathLists: 'the list path only lists: a request with `entityInstanceId` is answered with the list and deletes nothing',
		},
	}),
};

interface ReadingDefinition<Value extends string> {
	vendorSection: string;
	description: string;
	default: NoInfer<Value>;
	/** every value the reading can take (the default among them) → what the tenant does under it */
	alternatives: Record<Value, string>;
}

function reading<const Value extends string>(definition: ReadingDefinition<Value>): ReadingDefinition<Value> {
	return definition;
}

export type ReadingName = keyof typeof READINGS;

export type SandboxShapes = { [Name in ReadingName]: keyof (typeof READINGS)[Name]['alternatives'] };

export const STRICT_SHAPES: Readonly<SandboxShapes> = Object.fromEntries(
	Object.entries(READINGS).map(([name, definition]) => [name, definition.default]),
) as unknown as SandboxShapes;

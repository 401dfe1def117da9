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

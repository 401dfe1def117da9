import { md5 } from './php';

/** Everything the simulated tenant knows. Areas read and change it; `reset` rebuilds it from the seed. */
export interface MainAccount {
	id: number;
	userSn: string;
	username: string;
	password: string;
	accessId: string;
	accessSecret: string;
	teamSn: string;
	teamName: string;
	aiSeats: number;
	extensionQuota: number;
	apiPermission: boolean;
	callerGroup: string;
	expired: string;
}

export interface SubAccount {
	id: number;
	user_sn: string;
	user_name: string;
	contact: string;
	password: string;
	organization_id: number;
	role_id: number;
	max_call_count: number;
	ext: string;
	callin_phone: string;
	job: string;
	parent_sn: string;
	project_sn: string;
	skillgroup_sn: string;
	created_at: string;
	[key: string]: unknown;
}

export interface Script {
	id: number;
	sn: string;
	project_name: string;
	project_caption: string;
	question_sn: string;
	voice_break: number;
	columns: string[];
	asks: Array<{ asks_sn: string; ask_caption: string; ask_title: string; asked_times: number }>;
}

export interface Role {
	id: number;
	name: string;
	display_name: string;
	description: string;
	perms: number[];
	created_at: string;
}

export interface SkillGroup {
	id: number;
	skillgroup_sn: string;
	skillgroup_name: string;
	skillgroup_caption: string;
	strategy: number;
	skillgroup_all_busy: number;
	skillgroup_no_agent: number;
	[key: string]: unknown;
}

export interface TaskRow {
	sn: string;
	detail_type: number;
	phone: string;
	name: string;
	fields: Record<string, string>;
	/** waiting → dialled, or cancelled / stopped before dialling */
	state: 'waiting' | 'dialled' | 'cancelled' | 'stopped';
	attempts: number;
	importedAt: string;
	/** when 5.9 stopped the row (5.6 lists it) */
	stoppedAt?: string;
}

export interface Task {
	dial_task_main_id: number;
	dial_task_main_sn: string;
	source: string;
	project_sn: string;
	ai_user_sn: string;
	/** 0 sending, 1 sent, 4 paused, 6 terminated (5.1) */
	status: number;
	created_at: string;
	started_at: string;
	stoped_at: string;
	rows: TaskRow[];
	options: Record<string, unknown>;
	importStatus: number;
	importPercent: number;
	importMark: Record<string, number>;
	importFailData: Array<Record<string, string>>;
	deleted: boolean;
	/** Date.now() from which the task shows in the task list (speed.newTaskListDelayMs); unset = at once */
	listedFrom?: number;
}

export interface CallRecord {
	id: number;
	sn: string;
	[key: string]: unknown;
}

export interface DndEntry {
	id: number;
	phone: string;
	name: string | null;
	unit: string;
	address: string;
	remark: string;
	term_value: string;
	created_at: string;
	is_auto: string;
	term_time: string;
}

export interface Customer {
	id: number;
	phone: string;
	name: string;
	isPrivate: boolean;
	owner_sn: string;
	follow_user_sn: string[];
	fields: Record<string, string>;
	updated_at: string;
}

export interface CallbackSettings {
	open_callback: number;
	callback_url: string;
	task_callback_url: string;
}

export interface SandboxData {
	account: MainAccount;
	subAccounts: SubAccount[];
	scripts: Script[];
	roles: Role[];
	skillGroups: SkillGroup[];
	tasks: Task[];
	records: CallRecord[];
	recordings: Map<string, Buffer>;
	dnd: DndEntry[];
	customers: Customer[];
	callTime: Record<string, string | number>;
	callback: CallbackSettings;
	tasksCreatedToday: number;
	sequence: number;
}

/** Deterministic identifiers: the same seed gives the same sns, so tests and docs can name them. */
export function nextId(data: SandboxData): number {
	data.sequence += 1;
	return data.sequence;
}

export function makeSn(data: SandboxData, prefix: string): string {
	return `${prefix}|${md5(`${prefix}-${nextId(data)}`)}`;
}

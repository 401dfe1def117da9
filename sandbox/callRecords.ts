import { callOutcome } from './callOutcome';
import type { Clock } from './clock';
import { makeSn, nextId, type CallRecord, type SandboxData, type Task } from './state';
import { wavTone } from './wav';

/** Where the simulated switch stores recordings (the `recordpath` of 6.1/6.2). */
export const RECORD_DIR = '/mnt/record';

export interface DialledNumber {
	/** the task detail row, when the call came from a task */
	detailSn?: string;
	phone: string;
	name: string;
}

export interface RecordOptions {
	/** one shared buffer for every recording (bulk generation keeps memory flat) */
	recording?: Buffer;
}

/** The call record (the 6.6.1 push fields) of one simulated call; registers its recordings in `data.recordings`. */
export function buildCallRecord(
	data: SandboxData,
	clock: Clock,
	task: Task,
	dialled: DialledNumber,
	dialledAt: Date,
	options: RecordOptions = {},
): CallRecord {
	const outcome = callOutcome(dialled.phone);
	const owner = data.subAccounts.find((account) => account.user_sn === task.ai_user_sn);
	const script = data.scripts.find((entry) => entry.sn === task.project_sn);
	const connectedAt = outcome.answered ? new Date(dialledAt.getTime() + outcome.ringSeconds * 1000) : undefined;
	const endedAt = new Date((connectedAt ?? dialledAt).getTime() + (outcome.answered ? outcome.talkSeconds : outcome.ringSeconds) * 1000);
	const id = nextId(data);
	const sn = makeSn(data, 'account');
	const record: CallRecord = {
		id,
		sn,
		user_sn: task.ai_user_sn,
		user_name: owner?.user_name ?? data.account.username,
		parent_sn: data.account.username,
		team_sn: data.account.teamSn,
		team_name: data.account.teamName,
		dial_task_main_sn: task.dial_task_main_sn,
		source: task.source,
		project_sn: task.project_sn,
		project_caption: script?.project_caption ?? '',
		name: dialled.name,
		phone: dialled.phone,
		created_at: clock.chinaText(dialledAt),
		updated_at: clock.chinaText(endedAt),
		connected_at: connectedAt ? clock.chinaText(connectedAt) : '',
		disconnected_at: clock.chinaText(endedAt),
		talktimes: outcome.talkSeconds,
		turn_count: outcome.rounds,
		status: outcome.intent,
		status_manual: '',
		hangup_reason: outcome.hangupReason,
		is_transfertoagent: 0,
		mark: '',
		operator: data.account.username,
		detail_sn: dialled.detailSn ?? '',
		recordpath: '',
		recordfile: '',
	};
	if (outcome.answered && connectedAt) {
		const stamp = clock.chinaText(connectedAt).replace(/\D/g, '');
		const day = stamp.slice(0, 8);
		const minute = stamp.slice(8, 12);
		const hex = sn.split('|')[1];
		const recordfile = `${RECORD_DIR}/${day}/${minute}/${stamp}_${String(record.user_name)}_${hex}_${dialled.phone.slice(-4)}.wav`;
		record.recordpath = RECORD_DIR;
		record.recordfile = recordfile;
		data.recordings.set(recordfile, options.recording ?? wavTone(Math.min(outcome.talkSeconds, 3) * 100));
		for (let round = 1; round <= outcome.rounds; round++) data.recordings.set(segmentFile(record, round), options.recording ?? wavTone(100, 660));
	}
	return record;
}

/** 6.3 path of the customer's reply in one round of an answered call. */
export function segmentFile(record: CallRecord, round: number): string {
	const stamp = String(record.connected_at).replace(/\D/g, '');
	const hex = String(record.sn).split('|')[1];
	return `${RECORD_DIR}/${stamp.slice(0, 8)}/segmental_record/${stamp.slice(8, 12)}/subsection_question${hex}_${String(record.phone).slice(-4)}_${round}.wav`;
}

const REPLIES: Record<string, string[]> = {
	A: ['是我,你说', '可以,具体怎么收费?', '好的,加我微信详细聊', '明天下午有空', '行,就这么定', '谢谢'],
	B: ['是的', '有点兴趣', '发资料给我看看', '我考虑一下', '好'],
	C: ['嗯', '现在不太需要', '以后再说吧', '好'],
	D: ['你是谁', '不需要', '挂了'],
	E: ['不要再打了', '再见'],
	F: ['打错了'],
};

/** The 6.4 `fragment` of a record: rounds of robot line + customer reply, derived from the record so it never drifts. */
export function transcriptOf(data: SandboxData, record: CallRecord): Array<Array<Record<string, unknown>>> {
	const rounds = Number(record.turn_count ?? 0);
	if (!record.connected_at || rounds < 1) return [];
	const asks = data.scripts.find((script) => script.sn === record.project_sn)?.asks ?? [];
	const replies = REPLIES[String(record.status)] ?? REPLIES.F;
	const fragment: Array<Array<Record<string, unknown>>> = [];
	for (let round = 1; round <= rounds; round++) {
		const ask = asks[(round - 1) % Math.max(asks.length, 1)];
		fragment.push([
			{
				vocfile: `/usr/local/freeswitch/sounds/${String(record.project_sn).split('|')[1] ?? 'robot'}/${round}.wav`,
				caption: ask?.ask_caption ?? '您好,这里是智能客服',
				title: ask?.ask_title ?? `${String(round).padStart(2, '0')}问候语`,
				answer: replies[(round - 1) % replies.length],
				fenduanluyin: segmentFile(record, round),
				outType: null,
				is_answer: 1,
				score: '',
				labelling: '',
				process_code: round,
			},
		]);
	}
	return fragment;
}

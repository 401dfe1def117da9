import { ok, page, VendorFault, type ApiContext, type AreaRoutes, type ApiResponse, type Params } from '../routeToolkit';
import { parseChinaText } from '../clock';
import { transcriptOf } from '../callRecords';
import type { CallRecord } from '../state';
import { INTENT_FIELDS, path } from '../vendor';

/** 6.1–6.4: call records, their recordings and transcripts. */
export const recordRoutes: AreaRoutes = {
	[path('6.1')]: { method: 'POST', handler: listRecords },
	[path('6.2')]: { method: 'GET', handler: ({ data, params }) => serveRecording(data.recordings, wholeCallPath(params)) },
	[path('6.3')]: {
		method: 'GET',
		handler: ({ data, params }) => serveRecording(data.recordings, params.required('recordfile')),
	},
	[path('6.4')]: { method: 'POST', handler: transcript },
};

function listRecords({ data, params }: ApiContext) {
	const from = dateParam(params, 'start_create_at', false);
	const to = dateParam(params, 'end_create_at', true);
	const phone = params.str('phone').trim();
	const nameOrPhone = params.str('namephone').trim();
	const taskSn = params.str('dial_task_main_sn').trim();
	const scriptSn = params.str('project_sn').trim();
	const intentField = params.str('status_search') || INTENT_FIELDS.ai;
	if (!(Object.values(INTENT_FIELDS) as string[]).includes(intentField)) throw new VendorFault(20002);
	const levels = params.has('status_value') ? params.list('status_value') : params.list('status');
	const talkMin = params.int('talktimes_min', -1);
	const talkMax = params.int('talktimes_max', -1);
	const turnMin = params.int('turn_count_min', -1);
	const turnMax = params.int('turn_count_max', -1);
	const matches = (record: CallRecord): boolean => {
		const created = String(record.created_at);
		const talk = Number(record.talktimes);
		const turns = Number(record.turn_count);
		return (
			(!from || created >= from) &&
			(!to || created <= to) &&
			(!phone || record.phone === phone) &&
			(!nameOrPhone || String(record.phone).includes(nameOrPhone) || String(record.name).includes(nameOrPhone)) &&
			(!taskSn || record.dial_task_main_sn === taskSn) &&
			(!scriptSn || record.project_sn === scriptSn) &&
			(levels.length === 0 || levels.includes(String(record[intentField]))) &&
			(talkMin < 0 || talk >= talkMin) &&
			(talkMax < 0 || talk <= talkMax) &&
			(turnMin < 0 || turns >= turnMin) &&
			(turnMax < 0 || turns <= turnMax)
		);
	};
	const filtered = Boolean(from || to || phone || nameOrPhone || taskSn || scriptSn || levels.length) || talkMin >= 0 || talkMax >= 0 || turnMin >= 0 || turnMax >= 0;
	const rows = filtered ? data.records.filter(matches) : data.records;
	const { slice, total } = page(rows, params, 10);
	return ok({ list: slice, total });
}

/** 6.2: the yunkeai copy sends the whole path in `recordpath` alone; aiwaihu sends both. */
function wholeCallPath(params: Params): string {
	const path = params.required('recordpath');
	const file = params.str('recordfile');
	if (!file) return path;
	return file.startsWith('/') ? file : `${path.replace(/\/$/, '')}/${file}`;
}

function serveRecording(recordings: Map<string, Buffer>, path: string): ApiResponse {
	const audio = recordings.get(path);
	if (!audio) return { json: { code: 404, msg: '录音文件不存在' } };
	const fileName = path.split('/').pop() ?? 'recording.wav';
	return { file: { data: audio, mimeType: fileName.endsWith('.mp3') ? 'audio/mpeg' : 'audio/wav', fileName } };
}

function transcript({ data, params }: ApiContext) {
	const sn = params.required('accounts_sn', 50003);
	const connectedAt = params.required('connected_at', 50002);
	const record = data.records.find((entry) => entry.sn === sn);
	const fragment = record && record.connected_at === connectedAt ? transcriptOf(data, record) : [];
	return ok({ fragment });
}

function dateParam(params: Params, key: string, endOfDay: boolean): string {
	const text = params.str(key).trim();
	if (!text) return '';
	if (!parseChinaText(text)) throw new VendorFault(30008);
	return text.length === 10 ? `${text} ${endOfDay ? '23:59:59' : '00:00:00'}` : text;
}

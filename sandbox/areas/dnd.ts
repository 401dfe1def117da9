import { ok, page, VendorFault, type AreaRoutes, type ApiContext } from '../routeToolkit';
import { DND_UPLOAD_FIELD, path } from '../vendor';
import { buildWorkbook, readWorkbook } from '../excel';
import { nextId, type DndEntry } from '../state';
import { XLSX_MIME } from './scripts';

const PHONE = /^\d{5,20}$/;
const DAY_MS = 24 * 3600_000;
/** Column headers of the download (8.3) and of the upload template (8.4). */
const COLUMNS = ['电话', '姓名', '单位', '地址', '备注', '期限(天)', '创建时间', '到期时间', '来源'];

/** 8.1–8.4: the tenant's do-not-disturb list (企业防打扰). */
export const dndRoutes: AreaRoutes = {
	[path('8.1')]: {
		method: 'POST',
		handler: ({ data, params }) => {
			const { slice, total } = page([...data.dnd].reverse(), params, 10);
			return { json: { total, datas: slice } };
		},
	},
	[path('8.2')]: {
		method: 'POST',
		handler: ({ data, params }) => {
			const ids = params.list('ids_json');
			const phones = params.list('phone_str');
			if (ids.length === 0 && phones.length === 0) throw new VendorFault(50001);
			const targets = ids.length ? ids : phones;
			const matches = (entry: DndEntry) => (ids.length ? ids.includes(String(entry.id)) : phones.includes(entry.phone));
			const removed = new Set(data.dnd.filter(matches).map((entry) => (ids.length ? String(entry.id) : entry.phone)));
			data.dnd = data.dnd.filter((entry) => !matches(entry));
			return { json: { code: 0, msg: '移除成功', success: removed.size, fail: targets.length - removed.size } };
		},
	},
	[path('8.3')]: {
		method: 'GET',
		handler: ({ data, params }) => {
			const ids = params.list('ids_json');
			const rows = data.dnd.filter((entry) => ids.length === 0 || ids.includes(String(entry.id)));
			const sheet = [COLUMNS, ...rows.map((entry) => [entry.phone, entry.name ?? '', entry.unit, entry.address, entry.remark, entry.term_value, entry.created_at, entry.term_time, entry.is_auto])];
			return { file: { data: buildWorkbook(sheet), mimeType: XLSX_MIME, fileName: '防打扰名单.xlsx' } };
		},
	},
	[path('8.4')]: {
		method: 'POST',
		handler: (ctx) => {
			const days = ctx.params.int('term_value', 0);
			if (days < 0) throw new VendorFault(30008);
			const candidates = readCandidates(ctx);
			let success = 0;
			let fail = 0;
			let repeat = 0;
			for (const candidate of candidates) {
				if (!PHONE.test(candidate.phone)) fail++;
				else if (ctx.data.dnd.some((entry) => entry.phone === candidate.phone)) repeat++;
				else {
					ctx.data.dnd.push(entry(ctx, candidate, days));
					success++;
				}
			}
			return ok({ success, fail, repeat }, '导入成功');
		},
	},
};

type Candidate = Pick<DndEntry, 'phone' | 'unit' | 'address' | 'remark'> & { name: string };

function readCandidates({ params, files }: ApiContext): Candidate[] {
	const upload = files.find((file) => file.field === DND_UPLOAD_FIELD);
	if (!upload) {
		const phone = params.required('phone');
		return [{ phone, name: params.str('name'), unit: params.str('unit'), address: params.str('address'), remark: params.str('remark') }];
	}
	if (upload.data.length === 0) throw new VendorFault(30001);
	const rows = readWorkbook(upload.data);
	if (!rows) throw new VendorFault(30002);
	if (rows.length === 0) throw new VendorFault(30001);
	return rows.map((row) => ({
		phone: String(row['电话'] ?? row['号码'] ?? row['手机'] ?? '').replace(/\D/g, ''),
		name: String(row['姓名'] ?? ''),
		unit: String(row['单位'] ?? ''),
		address: String(row['地址'] ?? ''),
		remark: String(row['备注'] ?? ''),
	}));
}

function entry({ data, clock }: ApiContext, candidate: Candidate, days: number): DndEntry {
	const now = clock.now();
	return {
		id: nextId(data),
		...candidate,
		name: candidate.name || null,
		term_value: String(days),
		created_at: clock.chinaText(now),
		is_auto: '人工导入',
		// 0 days = permanent: no end date.
		term_time: days === 0 ? '' : clock.chinaText(new Date(now.getTime() + days * DAY_MS)),
	};
}

import { ok, page, VendorFault, type AreaRoutes } from '../routeToolkit';
import { path } from '../vendor';
import { buildWorkbook } from '../excel';

/** 7.1, 7.2, 7.8 and 5.11: scripts (话术) and their import templates. */
export const scriptRoutes: AreaRoutes = {
	[path('7.1')]: {
		method: 'POST',
		handler: ({ data, params }) => {
			const name = params.str('project_name');
			const voiceBreak = params.has('voice_break') ? params.int('voice_break', -1) : -1;
			const rows = data.scripts
				.filter((script) => !name || script.project_name.includes(name) || script.project_caption.includes(name))
				.filter((script) => voiceBreak < 0 || script.voice_break === voiceBreak)
				.map(({ columns: _columns, asks: _asks, ...script }) => script);
			const { slice, total } = page(rows, params, 5);
			return ok({ list: slice, total });
		},
	},
	[path('7.2')]: {
		method: 'POST',
		handler: ({ data, params }) => {
			const sn = params.str('project_sn') || params.str('parent_sn');
			const script = data.scripts.find((entry) => entry.sn === sn);
			if (!script) throw new VendorFault(50003);
			const { columns: _columns, asks, ...task } = script;
			return { json: { code: 0, msg: '获取成功', data: asks, task } };
		},
	},
	[path('7.8')]: {
		method: 'POST',
		handler: ({ data }) =>
			ok(
				data.scripts.map((script) => ({
					project_sn: script.sn,
					project_name: script.project_name,
					project_caption: script.project_caption,
					question_sn: script.question_sn,
				})),
				'获取成功',
			),
	},
	[path('5.11')]: {
		method: 'GET',
		handler: ({ data, params }) => {
			const script = data.scripts.find((entry) => entry.sn === params.str('project_sn'));
			if (!script) throw new VendorFault(50003);
			const type = params.str('type');
			if (type === 'json') return ok([script.columns]);
			if (type === 'extend') return ok([]);
			if (script.columns.length === 0) throw new VendorFault(30003);
			return { file: { data: buildWorkbook([script.columns]), mimeType: XLSX_MIME, fileName: `${script.project_name}.xlsx` } };
		},
	},
};

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

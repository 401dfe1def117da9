/** The operation classes the fault and secret suites run: one scenario per class, two input items each. */
import type { INodeParameters } from 'n8n-workflow';

import { ENDPOINTS, TASK_STATUS } from '../../../nodes/Yunke/shared/contract';
import { generateRecords } from '../../../sandbox/bulkRecords';
import { buildWorkbook } from '../../../sandbox/excel';
import { newTask } from '../../../sandbox/taskModel';
import type { InputItem } from '../../harness/engine';
import type { YunkeTestBed } from '../../helpers/yunke';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const TWO_ITEMS = [{ n: 0 }, { n: 1 }];

export interface Scenario {
	name: string;
	/** the vendor path the fault hits */
	path: string;
	/** calls to `path` per item without faults (pages, lookups): mid-run faults hit the second item */
	callsPerItem: number;
	params: INodeParameters;
	items?: (bed: YunkeTestBed) => InputItem[];
	prepare?: (bed: YunkeTestBed) => void;
	/** writes: how many changes the server holds that this run was meant to make (2 = one per item) */
	effects?: (bed: YunkeTestBed) => number;
	/** whether every fault must end in success (reads, and writes that reconcile) */
	mustSucceed: boolean;
	/** the output of one successful item */
	checkItem: (json: Record<string, unknown>, itemIndex: number, bed: YunkeTestBed) => void;
	/** items per input item on success */
	itemsPerInput?: number;
}

const answeredRecord = (bed: YunkeTestBed) => bed.sandbox.data.records.filter((record) => record.connected_at && record.recordfile);

export const SCENARIOS: Scenario[] = [
	{
		name: 'list read (paginated): Call Record → Get Many',
		path: ENDPOINTS.callRecordList,
		callsPerItem: 2,
		params: { resource: 'callRecord', operation: 'getMany', returnAll: true, simplify: true },
		prepare: (bed) => void generateRecords(bed.sandbox, 5003),
		mustSucceed: true,
		itemsPerInput: 5003,
		checkItem: (json) => expect(typeof json.sn).toBe('string'),
	},
	{
		name: 'single read: Call Record → Get Transcript',
		path: ENDPOINTS.callTranscript,
		callsPerItem: 1,
		params: { resource: 'callRecord', operation: 'getTranscript', recordSn: '={{ $json.sn }}', connectedAt: '={{ $json.connected_at }}' },
		prepare: (bed) => void generateRecords(bed.sandbox, 30),
		items: (bed) => answeredRecord(bed).slice(0, 2).map((record) => ({ sn: record.sn, connected_at: String(record.connected_at) })),
		mustSucceed: true,
		checkItem: (json) => expect(JSON.stringify(json)).toContain('account|'),
	},
	{
		name: 'download: Call Record → Download Recording',
		path: ENDPOINTS.recordingDownload,
		callsPerItem: 1,
		params: { resource: 'callRecord', operation: 'downloadRecording', recording: 'whole', recordPath: '={{ $json.recordpath }}', recordFile: '={{ $json.recordfile }}' },
		prepare: (bed) => void generateRecords(bed.sandbox, 30),
		items: (bed) => answeredRecord(bed).slice(0, 2).map((record) => ({ recordpath: String(record.recordpath), recordfile: String(record.recordfile) })),
		mustSucceed: true,
		checkItem: (json) => expect(Number(json.fileSize)).toBeGreaterThan(44),
	},
	{
		name: 'download: Do Not Disturb → Download (Excel)',
		path: ENDPOINTS.dndDownload,
		callsPerItem: 1,
		params: { resource: 'doNotDisturb', operation: 'download', ids: '' },
		mustSucceed: true,
		checkItem: (json) => expect(json.mimeType).toBe(XLSX_MIME),
	},
	{
		name: 'write: Extension → Create',
		path: ENDPOINTS.subAccountCreate,
		callsPerItem: 1,
		params: {
			resource: 'extension',
			operation: 'create',
			username: "={{ 'relext' + $json.n }}",
			contact: '={{ "Seat " + $json.n }}',
			password: 'Seat-Pa55word',
			confirmPassword: 'Seat-Pa55word',
			extension: "={{ '90' + $json.n }}",
			aiSeats: 1,
			roleId: 61,
		},
		effects: (bed) => bed.sandbox.data.subAccounts.filter((account) => account.user_name.startsWith('relext')).length,
		mustSucceed: true,
		checkItem: (json, itemIndex) => {
			expect(json.user_name).toBe(`relext${itemIndex}`);
			expect(String(json.user_sn)).toMatch(/^SYSUSER/);
		},
	},
	{
		name: 'write: Task → Pause',
		path: ENDPOINTS.taskOperate,
		callsPerItem: 1,
		params: { resource: 'task', operation: 'pause', task: { __rl: true, mode: 'id', value: '={{ $json.sn }}' } },
		prepare: (bed) => {
			const { data, clock } = bed.sandbox;
			for (const name of ['可靠性一', '可靠性二']) {
				data.tasks.push(newTask(data, clock, { source: name, project_sn: data.scripts[0].sn, ai_user_sn: data.subAccounts[0].user_sn, status: TASK_STATUS.sending, rows: [{ phone: '13800000001' }] }));
			}
		},
		items: (bed) => bed.sandbox.data.tasks.map((task) => ({ sn: task.dial_task_main_sn })),
		effects: (bed) => bed.sandbox.data.tasks.filter((task) => task.status === TASK_STATUS.paused).length,
		mustSucceed: true,
		checkItem: (json) => expect(json.success).toBe(true),
	},
	{
		name: 'write: Role → Create',
		path: ENDPOINTS.roleCreate,
		callsPerItem: 1,
		params: { resource: 'role', operation: 'create', name: '={{ "质检" + $json.n }}', description: 'Quality checks', permissions: ['100', '101'] },
		effects: (bed) => bed.sandbox.data.roles.filter((role) => role.name.startsWith('质检')).length,
		mustSucceed: true,
		checkItem: (json, itemIndex) => {
			expect(json.name).toBe(`质检${itemIndex}`);
			expect(Number(json.id)).toBeGreaterThan(0);
		},
	},
	{
		name: 'write: Do Not Disturb → Delete',
		path: ENDPOINTS.dndDelete,
		callsPerItem: 1,
		params: { resource: 'doNotDisturb', operation: 'delete', deleteBy: 'phones', phones: '={{ $json.phone }}' },
		prepare: (bed) => {
			for (const phone of ['13600000000', '13600000001']) {
				bed.sandbox.data.dnd.push({ id: bed.sandbox.data.sequence++, phone, name: null, unit: '', address: '', remark: '', term_value: '0', created_at: bed.sandbox.clock.chinaText(), is_auto: '人工导入', term_time: '' });
			}
		},
		items: () => [{ phone: '13600000000' }, { phone: '13600000001' }],
		// the effect is "the number is gone"
		effects: (bed) => 2 - bed.sandbox.data.dnd.filter((entry) => entry.phone.startsWith('1360000000')).length,
		mustSucceed: true,
		checkItem: (json) => expect(json).toMatchObject({ deleted: true, removed: 1 }),
	},
	{
		name: 'write: Callback → Set',
		path: ENDPOINTS.callbackSet,
		callsPerItem: 1,
		params: { resource: 'callback', operation: 'set', pushCallResults: true, callbackUrl: '={{ "https://hooks.example.com/yunke/" + $json.n }}' },
		// settings: the effect is the last item's URL in place
		effects: (bed) => (bed.sandbox.data.callback.callback_url === 'https://hooks.example.com/yunke/1' ? 2 : 0),
		mustSucceed: true,
		checkItem: (json, itemIndex) => expect(json.callbackUrl).toBe(`https://hooks.example.com/yunke/${itemIndex}`),
	},
	{
		name: 'upload: Do Not Disturb → Add from Excel',
		path: ENDPOINTS.dndAdd,
		callsPerItem: 1,
		params: { resource: 'doNotDisturb', operation: 'add', source: 'excel', binaryPropertyName: 'data', days: 0 },
		items: () =>
			[0, 1].map((n) => ({
				json: { n },
				binary: {
					data: {
						data: buildWorkbook([['电话', '姓名'], ...[1, 2, 3].map((k) => [`1370000${n}00${k}`, `客户${k}`])]),
						fileName: `dnd-${n}.xlsx`,
						mimeType: XLSX_MIME,
					},
				},
			})),
		// 3 numbers per file: the effect is "every number listed once"
		effects: (bed) => bed.sandbox.data.dnd.filter((entry) => entry.phone.startsWith('1370000')).length / 3,
		mustSucceed: true,
		checkItem: (json) => expect(Number(json.added) + Number(json.alreadyListed)).toBe(3),
	},
];

/** Bad input, table-driven: shared by the bad-input suite and the secret scan (wrong credentials are secrets too). */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { ENDPOINTS, LIMITS } from '../../../nodes/Yunke/shared/contract';
import type { Sandbox } from '../../../sandbox/server';
import type { InputItem } from '../../harness/engine';
import { createParameters, importIntoParameters, people } from '../../helpers/imports';
import { DEMO_LOGIN } from '../../helpers/sandbox';

export interface BadInput {
	name: string;
	params: (sandbox: Sandbox) => INodeParameters;
	items?: InputItem[];
	credential?: ICredentialDataDecryptedObject;
	/** the field the message must name */
	field: string | RegExp;
	/** the input item the error must belong to */
	item?: number;
	/** vendor paths a case may read to find out (the import template, the task list); nothing else */
	reads?: string[];
	/** a login may be needed to find out (wrong credentials) */
	login?: boolean;
	/** text only the bad item has: it must appear in no request */
	notSent?: string;
	prepare?: (sandbox: Sandbox) => void;
}

const SEAT = { resource: 'extension', operation: 'create', username: 'seat01', contact: 'Seat', password: 'Pa55-word', confirmPassword: 'Pa55-word', extension: '8101', aiSeats: 1, roleId: 61 };
const ACCOUNT_UPDATE = { resource: 'subAccount', operation: 'update', account: { __rl: true, mode: 'id', value: 'agent01' } };
const PAUSE = (value: string) => ({ resource: 'task', operation: 'pause', task: { __rl: true, mode: 'id', value } });
const DND_ADD = { resource: 'doNotDisturb', operation: 'add', source: 'number', phone: '13800138000', days: 0 };
const DND_EXCEL = { resource: 'doNotDisturb', operation: 'add', source: 'excel', binaryPropertyName: 'data', days: 0 };
const RECORDS = { resource: 'callRecord', operation: 'getMany', returnAll: true };
const TRANSCRIPT = { resource: 'callRecord', operation: 'getTranscript', recordSn: 'account|abc', connectedAt: '2024-09-24 09:30:00' };
const RECORDING = { resource: 'callRecord', operation: 'downloadRecording', recording: 'whole', recordPath: '/mnt/record/x', recordFile: 'a.wav' };
const TEMPLATE_READ = [ENDPOINTS.scriptTemplate];
/** a bad row stops only itself: the good rows of the same run are imported */
// the valid rows go in; the strict sandbox dials a task created without is_zidong, so the node pauses it
const IMPORT_OTHERS = [...TEMPLATE_READ, ENDPOINTS.taskList, ENDPOINTS.taskCreateJson, ENDPOINTS.taskOperate];
/** a value mapped from the input item (`v`), as when an upstream field is empty */
const MAPPED = '={{ $json.v }}';
const textFile = (name: string, mimeType: string): InputItem => ({ json: {}, binary: { data: { data: Buffer.from('phone\n13800138000\n'), fileName: name, mimeType } } });

export const BAD_INPUTS: BadInput[] = [
	// the credential
	{ name: 'Base URL that is not an address', params: () => RECORDS, credential: { baseUrl: 'not a url' }, field: 'Base URL' },
	{ name: 'Base URL with ftp://', params: () => RECORDS, credential: { baseUrl: 'ftp://files.example.com' }, field: 'Base URL' },
	{ name: 'Base URL with a path and spaces', params: () => RECORDS, credential: { baseUrl: 'http://exa mple.com' }, field: 'Base URL' },
	{ name: 'wrong password', params: () => RECORDS, credential: { password: 'Not-The-Password-1' }, field: /login/i, login: true },
	{ name: 'wrong username', params: () => RECORDS, credential: { username: 'nobody' }, field: /login/i, login: true },
	{ name: 'wrong access secret', params: () => RECORDS, credential: { authentication: 'accessId', accessId: DEMO_LOGIN.accessId, accessSecret: 'f'.repeat(32) }, field: /login/i, login: true },
	{ name: 'unknown access id', params: () => RECORDS, credential: { authentication: 'accessId', accessId: '0'.repeat(32), accessSecret: DEMO_LOGIN.accessSecret }, field: /login/i, login: true },
	// extensions and sub-accounts
	{ name: 'extension number with a dash', params: () => ({ ...SEAT, extension: '81-01' }), field: 'Extension Number' },
	{ name: 'extension number with a space', params: () => ({ ...SEAT, extension: '81 01' }), field: 'Extension Number' },
	{ name: 'extension number mapped from an empty field', params: () => ({ ...SEAT, extension: MAPPED }), items: [{ v: '' }], field: 'Extension Number' },
	{ name: 'username with Chinese characters', params: () => ({ ...SEAT, username: '坐席一' }), field: 'Username' },
	{ name: 'username mapped from an empty field', params: () => ({ ...SEAT, username: MAPPED }), items: [{ v: ' ' }], field: 'Username' },
	{ name: 'passwords that differ', params: () => ({ ...SEAT, confirmPassword: 'Pa55-w0rd' }), field: 'Confirm Password' },
	{ name: 'password mapped from an empty field', params: () => ({ ...SEAT, password: MAPPED, confirmPassword: MAPPED }), items: [{ v: '' }], field: 'Password' },
	{ name: 'empty name', params: () => ({ ...SEAT, contact: '  ' }), field: 'Name' },
	{ name: 'negative AI seats', params: () => ({ ...SEAT, aiSeats: -1 }), field: 'AI Seats' },
	{ name: 'fractional AI seats', params: () => ({ ...SEAT, aiSeats: 1.5 }), field: 'AI Seats' },
	{ name: 'inbound number with letters', params: () => ({ ...SEAT, additionalFields: { inboundNumber: '0755-CALLME' } }), field: 'Inbound Number' },
	{ name: 'extra vendor fields that are not JSON', params: () => ({ ...SEAT, extraFields: '{remark: VIP' }), field: 'Extra Vendor Fields (JSON)' },
	{ name: 'extra vendor fields that are an array', params: () => ({ ...SEAT, extraFields: '[1,2]' }), field: 'Extra Vendor Fields (JSON)' },
	{ name: 'the third of three seats has a bad extension', params: () => ({ ...SEAT, username: '={{ "seat" + $json.n }}', extension: '={{ $json.ext }}' }), items: [{ n: 1, ext: '8111' }, { n: 2, ext: '8112' }, { n: 3, ext: '81#3' }].map((json) => json), field: 'Extension Number', item: 2, reads: [ENDPOINTS.subAccountList, ENDPOINTS.subAccountCreate] },
	{ name: 'update without any field', params: () => ({ ...ACCOUNT_UPDATE, updateFields: {} }), field: 'Update Fields' },
	{ name: 'update of an account mapped with a space', params: () => ({ ...ACCOUNT_UPDATE, account: { __rl: true, mode: 'id', value: MAPPED }, updateFields: { contact: 'x' } }), items: [{ v: 'agent 01' }], field: 'Sub-Account' },
	{ name: 'delete of an extension mapped from an empty field', params: () => ({ resource: 'extension', operation: 'delete', account: { __rl: true, mode: 'id', value: MAPPED } }), items: [{ v: '' }], field: 'Extension' },
	// do not disturb
	{ name: 'DND number with letters', params: () => ({ ...DND_ADD, phone: 'call-me' }), field: 'Phone Number' },
	{ name: 'DND number too short', params: () => ({ ...DND_ADD, phone: '1234' }), field: 'Phone Number' },
	{ name: 'DND number mapped from an empty field', params: () => ({ ...DND_ADD, phone: MAPPED }), items: [{ v: '' }], field: 'Phone Number' },
	{ name: 'DND negative days', params: () => ({ ...DND_ADD, days: -3 }), field: 'Block for Days' },
	{ name: 'DND Excel source without a binary', params: () => DND_EXCEL, items: [{ n: 1 }], field: /data|Input Binary Field/ },
	{ name: 'DND Excel source with a CSV file', params: () => DND_EXCEL, items: [textFile('list.csv', 'text/csv')], field: 'Input Binary Field' },
	{ name: 'DND delete by IDs that are not numbers', params: () => ({ resource: 'doNotDisturb', operation: 'delete', deleteBy: 'ids', ids: '108, abc' }), field: 'Entry IDs' },
	{ name: 'DND delete by empty phone list', params: () => ({ resource: 'doNotDisturb', operation: 'delete', deleteBy: 'phones', phones: ' , ' }), field: 'Phone Numbers' },
	{ name: 'DND delete by a bad phone', params: () => ({ resource: 'doNotDisturb', operation: 'delete', deleteBy: 'phones', phones: '13800138000, 12ab' }), field: 'Phone Numbers' },
	// tasks
	{ name: 'task that is neither an ID nor an sn', params: () => PAUSE('my task'), field: 'Task' },
	{ name: 'task mapped from an empty field', params: () => PAUSE(MAPPED), items: [{ v: '' }], field: 'Task' },
	{ name: 'unknown task ID (only Yunke knows)', params: () => PAUSE('999999'), field: /task does not exist/i, reads: [ENDPOINTS.taskOperate] },
	{ name: 'import into an unknown task', params: (sandbox) => importIntoParameters(sandbox, '999999'), items: people(3), field: 'Task', reads: [...TEMPLATE_READ, ENDPOINTS.taskList] },
	{ name: 'chunk size over the limit', params: (sandbox) => createParameters(sandbox, { options: { chunkSize: LIMITS.rowsPerImport + 1 } }), items: people(3), field: 'Chunk Size' },
	{ name: 'chunk size 0', params: (sandbox) => createParameters(sandbox, { options: { chunkSize: 0 } }), items: people(3), field: 'Chunk Size' },
	{ name: 'task name with symbols', params: (sandbox) => createParameters(sandbox, { taskName: 'call list #1' }), items: people(3), field: 'Task Name' },
	{ name: 'task name mapped from an empty field', params: (sandbox) => createParameters(sandbox, { taskName: '={{ $json.nothing ?? "" }}' }), items: people(3), field: 'Task Name' },
	{ name: 'wait timeout 0', params: (sandbox) => createParameters(sandbox, { options: { importMode: 'async', waitTimeoutSeconds: 0 } }), items: people(3), field: 'Wait Timeout (Seconds)' },
	{ name: 'row without the required phone column', params: (sandbox) => createParameters(sandbox), items: [...people(2), { 姓名: '无电话' }], field: '*电话', item: 2, reads: IMPORT_OTHERS, notSent: '无电话' },
	{ name: 'row with a bad phone', params: (sandbox) => createParameters(sandbox), items: [{ 姓名: '坏号码', phone: '1380013800x' }, ...people(2)], field: '*电话', item: 0, reads: IMPORT_OTHERS, notSent: '坏号码' },
	{ name: 'row with a field the template lacks', params: (sandbox) => createParameters(sandbox), items: [...people(1), { 姓名: '多字段', phone: '13800138000', vip: 'yes' }], field: 'Field "vip"', item: 1, reads: IMPORT_OTHERS, notSent: '多字段' },
	{ name: 'task import from a non-Excel file', params: (sandbox) => createParameters(sandbox, { dataSource: 'excel', binaryPropertyName: 'data' }), items: [textFile('rows.txt', 'text/plain')], field: 'Input Binary Field' },
	{ name: 'cancel calls by a number list mapped empty', params: () => ({ resource: 'task', operation: 'cancelCalls', task: { __rl: true, mode: 'id', value: '1001' }, cancelBy: 'numbers', phoneNumbers: MAPPED }), items: [{ v: ' , ' }], field: 'Phone Numbers' },
	{ name: 'cancel calls by a bad number', params: () => ({ resource: 'task', operation: 'cancelCalls', task: { __rl: true, mode: 'id', value: '1001' }, cancelBy: 'numbers', phoneNumbers: '13800138000, 555' }), field: 'Phone Numbers' },
	// call records
	{ name: 'records created after a non-date', params: () => ({ ...RECORDS, filters: { createdAfter: 'last tuesday' } }), field: 'Created After' },
	{ name: 'records range that ends before it starts', params: () => ({ ...RECORDS, filters: { createdAfter: '2024-09-24 10:00:00', createdBefore: '2024-09-23 10:00:00' } }), field: 'Created Before' },
	{ name: 'records filtered by a bad phone', params: () => ({ ...RECORDS, filters: { phone: 'abc' } }), field: 'Filters → Phone' },
	{ name: 'records with min talk time above max', params: () => ({ ...RECORDS, filters: { talkTimeMin: 60, talkTimeMax: 10 } }), field: /Filters → Max/ },
	{ name: 'transcript with a record sn mapped empty', params: () => ({ ...TRANSCRIPT, recordSn: MAPPED }), items: [{ v: '' }], field: 'Call Record Sn' },
	{ name: 'transcript of an unanswered call', params: () => ({ ...TRANSCRIPT, connectedAt: MAPPED }), items: [{ v: '' }], field: 'Connected At' },
	{ name: 'transcript with a non-date', params: () => ({ ...TRANSCRIPT, connectedAt: '24/09/2024 9am' }), field: 'Connected At' },
	{ name: 'recording of an unanswered call (no file)', params: () => ({ ...RECORDING, recordFile: MAPPED }), items: [{ v: '' }], field: 'Record File' },
	{ name: 'recording with a path mapped empty', params: () => ({ ...RECORDING, recordPath: MAPPED }), items: [{ v: '' }], field: 'Record Path' },
	// callback settings
	{ name: 'callback URL without http', params: () => ({ resource: 'callback', operation: 'set', pushCallResults: true, callbackUrl: 'example.com/hook' }), field: 'Callback URL' },
];

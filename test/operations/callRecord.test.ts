import { generateRecords } from '../../sandbox/bulkRecords';
import { locator, seedTask, waitFor } from '../helpers/tasks';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';
import { expectRefusedBeforeSending } from '../helpers/refused';
import { expectSigned, expectSignedForm } from '../helpers/signature';

const bed = useBed({ sandbox: { speed: { callMs: 20 } } });

async function dialled(phones: string[]) {
	const task = seedTask(bed.sandbox, { status: 0, phones, source: '录音测试' });
	await waitFor(() => task.status === 1, 'the calls');
	return { task, records: bed.sandbox.data.records };
}

describe('Call Record → Get Many', () => {
	it('returns every record with Return All, in pages of the largest size, simplified', async () => {
		generateRecords(bed.sandbox, 12_001);
		const result = await bed.run({ resource: 'callRecord', operation: 'getMany', returnAll: true });
		expect(result.status).toBe('success');
		const records = jsonOf(result.outputs[0]);
		expect(records).toHaveLength(12_001);
		expect(records[0].sn).toBe(bed.sandbox.data.records[0].sn);
		expect(Object.keys(records[0]).sort()).toEqual(
			['connected_at', 'created_at', 'hangup_reason', 'name', 'phone', 'recordfile', 'recordpath', 'sn', 'source', 'status', 'talktimes'].sort(),
		);
		expect(result.outputs[0].every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		// the whole range is refused by the strict tenant (wider than 90 days); the newest window holds the week of calls
		const [refused, ...pages] = bed.sandbox.requestsTo('/api/crmList');
		expect((refused.answer as { code: number }).code).toBe(20002);
		expect(pages.slice(0, 3).map((entry) => [entry.params.pageIndex, entry.params.pageSize])).toEqual([
			[0, 5000],
			[1, 5000],
			[2, 5000],
		]);
		expect(pages.slice(3).every((entry) => entry.params.pageIndex === 0)).toBe(true);
		expectSigned(refused, ...pages);
	});

	it('sends every filter the way crmList documents it', async () => {
		generateRecords(bed.sandbox, 200);
		const { task } = await dialled(['13800000010', '13800000021', '13800000036']);
		const result = await bed.run({
			resource: 'callRecord',
			operation: 'getMany',
			returnAll: true,
			simplify: false,
			filters: {
				createdAfter: '2000-01-01',
				createdBefore: '2099-12-31T23:59:59+08:00',
				task: locator(task.dial_task_main_sn),
				script: locator(task.project_sn, 'id'),
				intentField: 'status',
				intentLevels: ['A', 'B'],
				talkTimeMin: 10,
				talkTimeMax: 600,
				nameOrPhone: '1380000',
			},
		});
		const records = jsonOf(result.outputs[0]);
		expect(records.map((record) => [record.phone, record.status])).toEqual([
			['13800000010', 'A'],
			['13800000021', 'B'],
		]);
		expect(records[0]).toMatchObject({ dial_task_main_sn: task.dial_task_main_sn, user_name: 'agent01', disconnected_at: expect.any(String) });
		const [request] = bed.sandbox.requestsTo('/api/crmList');
		expectSignedForm(request, ['start_create_at', 'end_create_at', 'namephone', 'dial_task_main_sn', 'project_sn', 'status_search', 'status_value', 'talktimes_min', 'talktimes_max', 'pageIndex', 'pageSize']);
		expect(request.params).toMatchObject({
			start_create_at: '2000-01-01 00:00:00',
			end_create_at: '2099-12-31 23:59:59',
			status_search: 'status',
			status_value: ['A', 'B'],
			talktimes_min: 10,
			talktimes_max: 600,
		});
	});

	it('stops at the limit and lets extra vendor filters through', async () => {
		generateRecords(bed.sandbox, 50);
		const result = await bed.run({ resource: 'callRecord', operation: 'getMany', returnAll: false, limit: 7, extraFields: '{"phone":"13900000003"}' });
		expect(jsonOf(result.outputs[0]).map((record) => record.phone)).toEqual(['13900000003']);
		// the whole range (refused by the strict tenant), then every window, asking only for what the limit still lacks
		const pages = bed.sandbox.requestsTo('/api/crmList').map((entry) => [entry.params.pageSize, entry.params.phone]);
		expect(pages.slice(0, 2)).toEqual([
			[7, '13900000003'],
			[7, '13900000003'],
		]);
		expect(pages.slice(2).every(([size, phone]) => size === 6 && phone === '13900000003')).toBe(true);
	});

	it('names a bad filter and sends nothing', async () => {
		const result = await bed.run(
			{ resource: 'callRecord', operation: 'getMany', returnAll: true, filters: { talkTimeMin: 60, talkTimeMax: 30 } },
			[{}],
			{ onError: 'continueErrorOutput' },
		);
		expectRefusedBeforeSending(bed, result, 'Filters → Max Talk Time: 30 is below Min Talk Time 60 [item 0]');
	});
});

describe('Call Record → Get Transcript', () => {
	it('returns the turns of an answered call as robot/customer lines with the raw answer', async () => {
		const { records } = await dialled(['13800000023']);
		const [record] = records;
		const result = await bed.run({ resource: 'callRecord', operation: 'getTranscript', recordSn: '={{ $json.sn }}', connectedAt: '={{ $json.connected_at }}' }, [
			{ sn: record.sn, connected_at: String(record.connected_at) },
		]);
		const [output] = jsonOf(result.outputs[0]);
		expect(output.accounts_sn).toBe(record.sn);
		expect(output.turnCount).toBe(6); // intent D (last digit 3): 3 rounds of robot line + customer reply
		expect(output.turns.slice(0, 2)).toEqual([
			{ speaker: 'robot', text: '您好,请问是本人吗?', nodeTitle: '01问候语+开场白', recording: expect.stringContaining('/usr/local/freeswitch/sounds/') },
			{ speaker: 'customer', text: '你是谁', nodeTitle: '01问候语+开场白', recording: expect.stringContaining('segmental_record') },
		]);
		expect(output.raw.fragment).toHaveLength(3);
		expect(output.turns.map((turn: { speaker: string }) => turn.speaker)).toEqual(['robot', 'customer', 'robot', 'customer', 'robot', 'customer']);
		expect(result.outputs[0][0].pairedItem).toEqual({ item: 0 });
		const [request] = bed.sandbox.requestsTo('/api/cdrshow');
		expect(request.paramOrder).toEqual(['user_sn', 'api_key', 'accounts_sn', 'connected_at', 'url']);
		expect(request.params).toMatchObject({ accounts_sn: record.sn, connected_at: record.connected_at });
		expectSigned(request);
	});

	it('explains that an unanswered call has no transcript, without asking Yunke', async () => {
		const result = await bed.run(
			{ resource: 'callRecord', operation: 'getTranscript', recordSn: '={{ $json.sn }}', connectedAt: '={{ $json.connected_at }}' },
			[{ sn: 'account|0123456789abcdef0123456789abcdef', connected_at: '' }],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[1][0].json.error).toBe('Connected At: is empty, so the call was never answered and has no transcript [item 0]');
		expect(bed.sandbox.log).toEqual([]);
	});
});

describe('Call Record → Download Recording', () => {
	it('downloads the whole call as a WAV binary named after recordfile', async () => {
		const { records } = await dialled(['13800000010']);
		const [record] = records;
		const result = await bed.run({ resource: 'callRecord', operation: 'downloadRecording', recordPath: String(record.recordpath), recordFile: String(record.recordfile) });
		expect(result.status).toBe('success');
		const [item] = result.outputs[0];
		const fileName = String(record.recordfile).split('/').pop();
		expect(item.json).toEqual({ recordpath: '/mnt/record', recordfile: record.recordfile, fileName, mimeType: 'audio/wav', fileSize: expect.any(Number) });
		expect(item.binary?.data).toMatchObject({ fileName, mimeType: 'audio/wav' });
		const audio = await bed.engine.binaryBuffer(item.binary!.data);
		expect(audio.equals(bed.sandbox.data.recordings.get(String(record.recordfile))!)).toBe(true);
		expect(audio.subarray(8, 12).toString()).toBe('WAVE');
		expect(item.pairedItem).toEqual({ item: 0 });
		const [request] = bed.sandbox.requestsTo('/api/cdrDownload');
		expect(request.method).toBe('GET');
		expect(request.paramOrder).toEqual(['url', 'user_sn', 'api_key', 'recordpath', 'recordfile']);
		expectSigned(request);
	});

	it('downloads a customer reply segment from the transcript into the chosen field', async () => {
		const { records } = await dialled(['13800000010']);
		const transcript = await bed.run({ resource: 'callRecord', operation: 'getTranscript', recordSn: records[0].sn, connectedAt: String(records[0].connected_at) });
		const segment = jsonOf(transcript.outputs[0])[0].turns.find((turn: { speaker: string }) => turn.speaker === 'customer').recording;
		const result = await bed.run({ resource: 'callRecord', operation: 'downloadRecording', recording: 'segment', segmentFile: segment, binaryPropertyName: 'reply' });
		const [item] = result.outputs[0];
		expect(item.binary?.reply).toMatchObject({ fileName: segment.split('/').pop(), mimeType: 'audio/wav' });
		expect(bed.sandbox.requestsTo('/api/cdrFragmentDownload')[0].params).toMatchObject({ recordfile: segment });
	});

	it('turns a missing recording into an error item, and an unanswered call into a local error', async () => {
		const result = await bed.run(
			{ resource: 'callRecord', operation: 'downloadRecording', recordPath: '/mnt/record', recordFile: '={{ $json.file }}' },
			[{ file: '/mnt/record/20240101/0000/missing.wav' }, { file: '' }],
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[1].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.outputs[1][0].json.error).toBe('Yunke answered with an unknown code 404 (Yunke code 404)');
		expect(result.outputs[1][1].json.error).toBe('Record File: is empty: calls that were not answered have no recording [item 1]');
		expect(bed.sandbox.requestsTo('/api/cdrDownload')).toHaveLength(1);
	});
});

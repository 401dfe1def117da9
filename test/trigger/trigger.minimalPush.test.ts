import { filteredOutBecause, type PushFilters } from '../../nodes/YunkeTrigger/filters';
import { receivePush } from '../../nodes/YunkeTrigger/receive';
import { pushOf } from '../helpers/pushes';

/** The fields of the public 6.6.1 sample: no hangup_reason, no dial_task_main_sn, no source. */
const SAMPLE = {
	id: 12003,
	sn: 'account|a6505ba317705377bc3f8c889f36a341',
	user_sn: 'SYSUSER|317da5abbe44a067eddf653df3689e14',
	user_name: 'zzh1',
	name: '张三',
	phone: '15899770637',
	project_sn: 'projects|d98f8ed376820d8a316954d52a44e50a',
	connected_at: '2024-07-02 15:03:24',
	disconnected_at: '2024-07-02 15:04:52',
	talktimes: 88,
	status: 'A',
};
const ALL: PushFilters = { events: ['callResult', 'importFinished'], onlyAnswered: false, intentLevels: [], taskSn: '' };

describe('a call-result push with only the sample fields', () => {
	it('is answered by its talk time, and says it cannot tell its task', () => {
		const { json } = pushOf(SAMPLE);
		expect(json).toMatchObject({ answered: true, hangupReason: 'Connected', intentLevel: 'A', taskSn: '', undecided: ['task'] });
		expect(json.undecidedNote).toBe('The push does not say its task (no dial_task_main_sn): filters on it let the push through.');
	});

	it('is answered by connected_at when the talk time is missing, and not answered when neither shows a talk', () => {
		expect(pushOf({ ...SAMPLE, talktimes: undefined }).json.answered).toBe(true);
		const unanswered = pushOf({ ...SAMPLE, talktimes: 0, connected_at: '' });
		expect(unanswered.json.answered).toBe(false);
		expect(unanswered.json.hangupReason).toBe('');
		expect(filteredOutBecause(unanswered, { ...ALL, onlyAnswered: true })).toBe('call not answered');
		expect(pushOf({ ...SAMPLE, talktimes: 0, connected_at: '0000-00-00 00:00:00' }).json.answered).toBe(false);
	});

	it('passes the filters it cannot decide, and the item says which', () => {
		const bare = pushOf({ sn: 'account|b', phone: '15899770637' });
		expect(bare.json.undecided).toEqual(['answered', 'task', 'intentLevel']);
		expect(bare.json.undecidedNote).toBe(
			'The push does not say whether it was answered (no talktimes, connected_at or hangup_reason), nor its task (no dial_task_main_sn), nor its intent level (no status): filters on it let the push through.',
		);
		expect(filteredOutBecause(bare, { ...ALL, onlyAnswered: true, intentLevels: ['A'], taskSn: 'dial_task_main_sn|x' })).toBeUndefined();
		// what it does say is still filtered on
		expect(filteredOutBecause(pushOf({ ...SAMPLE, status: 'C' }), { ...ALL, intentLevels: ['A'], taskSn: 'dial_task_main_sn|x' })).toBe('intent level not selected');
	});

	it('through the webhook: emitted with the task filter set, marked', () => {
		const outcome = receivePush(
			{ query: { token: 'f00dbabe0123456789abcdef01234567' }, contentLength: undefined, body: SAMPLE },
			{
				expectedToken: 'f00dbabe0123456789abcdef01234567',
				maxBodyBytes: 1 << 20,
				filters: { ...ALL, onlyAnswered: true, taskSn: 'dial_task_main_sn|1427a04cae36a5b7161c0b04b9206fa4' },
				dedupeWindow: 100,
				triggerId: 'wf/minimal',
			},
			{},
		);
		expect(outcome.verdict).toBe('accepted');
		expect(outcome.emit).toMatchObject({ answered: true, undecided: ['task'], taskUnknown: true });
	});
});

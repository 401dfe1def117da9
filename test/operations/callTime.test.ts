import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';
import { expectSigned } from '../helpers/signature';

const bed = useBed();

const WEEK = {
	week1: '08:30-12:00,13:30-20:30',
	week2: '08:30-12:00',
	week3: '',
	week4: ' 09:00 - 11:00 , 14:00-18:00 ',
	week5: '08:30-12:00',
	week6: '',
	week7: '',
};

describe('Call Time → Get', () => {
	it('names the days when simplified', async () => {
		const result = await bed.run({ resource: 'callTime', operation: 'get' });
		expect(jsonOf(result.outputs[0])).toEqual([
			{
				monday: '08:30-12:00,13:30-20:30',
				tuesday: '08:30-12:00,13:30-20:30',
				wednesday: '08:30-12:00,13:30-20:30',
				thursday: '08:30-12:00,13:30-20:30',
				friday: '08:30-12:00,13:30-20:30',
				saturday: '09:00-12:00',
				sunday: '',
				holiday: '',
				holidayCallingEnabled: false,
			},
		]);
		expect(result.outputs[0][0].pairedItem).toEqual({ item: 0 });
		expectSigned(bed.sandbox.requestsTo('/api/callTimeList')[0]);
	});

	it('returns the vendor fields when not simplified', async () => {
		const result = await bed.run({ resource: 'callTime', operation: 'get', simplify: false });
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ week6: '09:00-12:00', holiday_status: 0 });
	});
});

describe('Call Time → Set', () => {
	it('sends every day, the holiday hours and status, and saves them', async () => {
		const result = await bed.run({ resource: 'callTime', operation: 'set', ...WEEK, holiday: '10:00-12:00', holidayStatus: true });
		expect(result.status).toBe('success');
		const [request] = bed.sandbox.requestsTo('/api/timeSave');
		expect(request.paramOrder).toEqual(['user_sn', 'api_key', 'week1', 'week2', 'week3', 'week4', 'week5', 'week6', 'week7', 'holiday', 'holiday_status', 'url']);
		expect(request.params).toMatchObject({ week3: '', week4: '09:00-11:00,14:00-18:00', holiday: '10:00-12:00', holiday_status: 1 });
		expectSigned(request);
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ saved: true, week4: '09:00-11:00,14:00-18:00', holiday_status: 1 });
		expect(bed.sandbox.data.callTime).toMatchObject({ week1: WEEK.week1, week3: '', week4: '09:00-11:00,14:00-18:00', holiday: '10:00-12:00', holiday_status: 1 });
	});

	it.each([
		[{ week2: '8:30-12:00' }, 'Tuesday: "8:30-12:00" is not a time range [item 0]'],
		[{ week5: '12:00-08:00' }, 'Friday: in "12:00-08:00" the end is not after the start [item 0]'],
		[{ week1: '08:00-12:00,11:00-13:00' }, 'Monday: "11:00-13:00" overlaps or comes before the previous range [item 0]'],
		[{ holiday: '25:00-26:00' }, 'Holiday Hours: "25:00-26:00" is not a time range [item 0]'],
	])('rejects %j locally and sends nothing', async (change, message) => {
		const result = await bed.run({ resource: 'callTime', operation: 'set', ...WEEK, ...change }, [{}], { onError: 'continueErrorOutput' });
		expect(result.outputs[1][0].json.error).toBe(message);
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 0 });
		expect(bed.sandbox.requestsTo('/api/timeSave')).toHaveLength(0);
		expect(bed.sandbox.data.callTime.week1).toBe('08:30-12:00,13:30-20:30');
	});
});

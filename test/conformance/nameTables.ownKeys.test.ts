/**
 * Values from outside (a push, the vendor's import counters) looked up in the package's name tables:
 * a key every object inherits (`constructor`, `toString`) is an ordinary text, not a table entry.
 */
import { addMarks, englishCounts, subtractMarks } from '../../nodes/Yunke/v1/actions/task/import/counts';
import { readPush } from '../../nodes/YunkeTrigger/payload';

describe('name tables use their own keys only', () => {
	it('keeps hangup_reason "constructor" (or "toString") as the plain text it is', () => {
		for (const reason of ['constructor', 'toString', '__proto__']) {
			const reading = readPush({ sn: 'account|ownkeys', hangup_reason: reason, talktimes: 0 });
			expect('push' in reading && reading.push.json.hangupReason).toBe(reason);
		}
	});

	it('adds, subtracts and names import counters called "constructor" like any other counter', () => {
		expect(addMarks({}, { constructor: 2, successCount: 1 })).toEqual({ constructor: 2, successCount: 1 });
		expect(subtractMarks({ constructor: 5 }, {})).toEqual({ constructor: 5 });
		expect(englishCounts({ constructor: 3, successCount: 1 })).toEqual({ constructor: 3, imported: 1 });
	});
});

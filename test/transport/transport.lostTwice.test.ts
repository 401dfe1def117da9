/** A write whose answer is lost twice: the resend's lost answer goes to the `reconcile` hook too, and nothing is sent a third time. */
import { ENDPOINTS } from '../../nodes/Yunke/shared/contract';
import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';

const bed = useBed();

const addNumber = { resource: 'doNotDisturb', operation: 'add', source: 'number', phone: '13800138000', days: 15 };
const adds = () => bed.sandbox.requestsTo(ENDPOINTS.dndAdd);

describe('Do-Not-Disturb → Add, its answer lost twice', () => {
	it('the first send never arrived, the resend did: the list shows the number, a success without a third send', async () => {
		bed.sandbox.injectFault({ path: ENDPOINTS.dndAdd, phase: 'before', action: { type: 'reset' } });
		bed.sandbox.injectFault({ path: ENDPOINTS.dndAdd, phase: 'after', action: { type: 'reset' } });
		const result = await bed.run(addNumber);
		expect(result.status).toBe('success');
		expect(jsonOf(result.outputs[0])).toEqual([{ phone: '13800138000', days: 15, added: 1, failed: 0, alreadyListed: 0 }]);
		expect(adds()).toHaveLength(2);
		expect(bed.sandbox.data.dnd.map((entry) => entry.phone)).toEqual(['13800138000']);
	});

	it('neither send arrived: the connection error, paired, after two sends', async () => {
		bed.sandbox.injectFault({ path: ENDPOINTS.dndAdd, phase: 'before', count: 2, action: { type: 'reset' } });
		const result = await bed.run(addNumber, [{}], { onError: 'continueErrorOutput' });
		expect(result.outputs[1][0].json.error).toBe('The connection to the Yunke server broke before an answer arrived');
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 0 });
		expect(adds()).toHaveLength(2);
		expect(bed.sandbox.data.dnd).toEqual([]);
	});
});

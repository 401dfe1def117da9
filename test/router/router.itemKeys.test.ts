import type { CallRecord } from '../../sandbox/state';
import { useBed } from '../helpers/bed';

const bed = useBed();

/** Vendor fields named like n8n's item keys are data, never an item structure or a binary reference. */
describe('Router: records with fields named json, binary or pairedItem', () => {
	const lookalike = {
		json: { phone: '13800000000' },
		binary: { data: { id: 'filesystem-v2:workflows/1/binary_data/secret', mimeType: 'audio/wav', data: 'filesystem-v2' } },
		pairedItem: { item: 7 },
	};

	it('emits a call record made of those fields (and its creation time) as one item whose json is the record, unchanged', async () => {
		// the creation time: 6.1 answers only the records of the range asked for
		const record = { ...lookalike, created_at: bed.sandbox.clock.chinaText() };
		bed.sandbox.data.records = [record as unknown as CallRecord];
		// today only: one request per item (walking the windows since 2018 is dateWindows.test.ts's subject)
		const today = `${record.created_at.slice(0, 10)} 00:00:00`;
		const result = await bed.run({ resource: 'callRecord', operation: 'getMany', returnAll: true, simplify: false, filters: { createdAfter: today } }, [{}, {}]);
		expect(result.outputs[0]).toEqual([
			{ json: record, pairedItem: { item: 0 } },
			{ json: record, pairedItem: { item: 1 } },
		]);
	});

	it('keeps a customer row whose custom columns are named json, binary and pairedItem as data', async () => {
		bed.sandbox.data.customers = [
			{
				id: 1,
				phone: '13800000001',
				name: '甲',
				isPrivate: true,
				owner_sn: bed.sandbox.data.subAccounts[0].user_sn,
				follow_user_sn: [],
				fields: { json: 'x', binary: 'y', pairedItem: 'z' },
				updated_at: '2024-01-01 00:00:00',
			},
		];
		const result = await bed.run({ resource: 'customer', operation: 'getMany', pool: 'private', returnAll: true });
		expect(result.outputs[0]).toHaveLength(1);
		const [item] = result.outputs[0];
		expect(Object.keys(item).sort()).toEqual(['json', 'pairedItem']);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({ id: 1, phone: '13800000001', json: 'x', binary: 'y', pairedItem: 'z' });
	});
});

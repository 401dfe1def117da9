/**
 * Every class of operation under every fault: the run ends in success (reads, and writes that can look
 * up whether a lost call was applied) or in a clear English error with its pairedItem — never with a
 * duplicate side effect. Counted as faults / survived (support/reliabilityTally.ts).
 */
import type { InputItem, NodeRunResult } from '../harness/engine';
import { yunkeTestBed, type YunkeTestBed } from '../helpers/yunke';
import {
	ALL_KINDS,
	AMBIGUOUS_KINDS,
	CLEAR_FAULT_MESSAGE,
	armFault,
	errorItems,
	pairedTo,
	successItems,
	type FaultKind,
} from './support/faultKinds';
import { SCENARIOS, TWO_ITEMS, type Scenario } from './support/scenarios';
import { faultCase } from './support/reliabilityTally';

let bed: YunkeTestBed;
beforeAll(async () => (bed = await yunkeTestBed({ timeoutSeconds: 2 })));
afterAll(async () => await bed.close());

function cases(): Array<[string, Scenario, FaultKind, 'before' | 'after']> {
	const list: Array<[string, Scenario, FaultKind, 'before' | 'after']> = [];
	for (const scenario of SCENARIOS) {
		for (const kind of ALL_KINDS) list.push([`${scenario.name} ← ${kind}`, scenario, kind, 'before']);
		if (scenario.effects) for (const kind of AMBIGUOUS_KINDS) list.push([`${scenario.name} ← ${kind} after the server applied it`, scenario, kind, 'after']);
	}
	return list;
}

/**
 * A fresh sandbox with the scenario's data and a warm credential (so that key faults meet a stored
 * key); this run itself is not under test. The items are read after the data is made: generated
 * records carry the clock's time in their recording paths.
 */
async function warmRun(scenario: Scenario): Promise<InputItem[]> {
	bed.sandbox.reset();
	bed.coldCredential();
	scenario.prepare?.(bed);
	const warm = await bed.run({ resource: 'script', operation: 'getMany', returnAll: true });
	expect(warm.status).toBe('success');
	bed.sandbox.log = [];
	const items = scenario.items?.(bed) ?? TWO_ITEMS;
	expect(items.length).toBe(2);
	return items;
}

describe.each(cases())('%s', (_label, scenario, kind, phase) => {
	it('survives', async () => {
		await faultCase(async () => {
			const items = await warmRun(scenario);
			const before = scenario.effects?.(bed) ?? 0;
			expect(before).toBe(0);
			const skip = kind === 'anotherLogin' ? scenario.callsPerItem : scenario.callsPerItem - 1;
			const settle = armFault(bed.sandbox, kind, scenario.path, phase, skip);
			let result: NodeRunResult;
			try {
				result = await bed.run(scenario.params, items, { onError: 'continueErrorOutput' });
			} finally {
				await settle();
			}
			expect(bed.sandbox.faults.pending()).toEqual([]); // the fault did strike
			expectSurvived(scenario, result, items.length);
		});
	});
});

function expectSurvived(scenario: Scenario, result: NodeRunResult, inputCount: number): void {
	const errors = errorItems(result);
	const successes = successItems(result);
	if (scenario.mustSucceed) {
		expect(errors.map((item) => item.json.error)).toEqual([]);
		expect(result.status).toBe('success');
	}
	// every error is one of the clear transport messages, with its item, and names the endpoint
	for (const item of errors) {
		expect(String(item.json.error)).toMatch(CLEAR_FAULT_MESSAGE);
		expect(item.error?.description).toContain(scenario.path);
	}
	const failed = new Set(pairedTo(errors));
	const perInput = scenario.itemsPerInput ?? 1;
	expect(successes).toHaveLength((inputCount - failed.size) * perInput);
	const paired = pairedTo(successes);
	for (let itemIndex = 0; itemIndex < inputCount; itemIndex++) {
		if (failed.has(itemIndex)) continue;
		const own = successes.filter((_item, position) => paired[position] === itemIndex);
		expect(own).toHaveLength(perInput);
		scenario.checkItem(own[0].json as Record<string, unknown>, itemIndex, bed);
	}
	if (scenario.effects) {
		const effects = scenario.effects(bed);
		// exactly one change per succeeded item, never two; an item that failed changed nothing twice
		expect(effects).toBeGreaterThanOrEqual(inputCount - failed.size);
		expect(effects).toBeLessThanOrEqual(inputCount);
		if (scenario.mustSucceed) expect(effects).toBe(inputCount);
	}
}

import type { NodeRunResult } from '../harness/engine';
import type { YunkeTestBed } from './yunke';

/** The one input item refused before anything was sent: this error on the error output, paired with item 0, and no request in the sandbox's log. */
export function expectRefusedBeforeSending(bed: YunkeTestBed, result: NodeRunResult, error: string): void {
	expect(result.outputs[1][0].json.error).toBe(error);
	expect(result.outputs[1][0].pairedItem).toEqual({ item: 0 });
	expect(bed.sandbox.log).toEqual([]);
}

/** Faults tests inject: the next N matching calls fail in a chosen way, before or after doing their work. */
export type FaultAction =
	| { type: 'code'; code: number; msg?: string }
	| { type: 'stringCode'; code: number }
	| { type: 'http'; status: number; body?: string }
	| { type: 'html' }
	| { type: 'empty' }
	| { type: 'garbage' }
	| { type: 'truncated' }
	| { type: 'reset' }
	| { type: 'delay'; ms: number }
	| { type: 'hang'; ms: number }
	| { type: 'redirect'; status: number; location: string };

export interface FaultRule {
	/** a vendor path such as /api/addJson, or '*' for every business call (login excluded unless named) */
	path: string;
	count: number;
	action: FaultAction;
	/** 'after': the call does its work, then the answer is lost or replaced (a write the server applied) */
	phase: 'before' | 'after';
	/** skip this many matching calls first */
	skip?: number;
}

export class FaultQueue {
	private rules: FaultRule[] = [];

	add(rule: FaultRule): void {
		this.rules.push({ ...rule, skip: rule.skip ?? 0 });
	}

	clear(): void {
		this.rules = [];
	}

	pending(): FaultRule[] {
		return this.rules.map((rule) => ({ ...rule }));
	}

	/** Takes the fault for this call, if any rule matches; a rule that is used up disappears. */
	take(path: string): FaultRule | undefined {
		const index = this.rules.findIndex(
			(rule) => rule.path === path || (rule.path === '*' && path !== '/api/login'),
		);
		if (index === -1) return undefined;
		const rule = this.rules[index];
		if ((rule.skip ?? 0) > 0) {
			rule.skip = (rule.skip ?? 0) - 1;
			return undefined;
		}
		rule.count -= 1;
		if (rule.count <= 0) this.rules.splice(index, 1);
		return rule;
	}
}

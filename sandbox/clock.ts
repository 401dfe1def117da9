/** Sandbox time: real time plus an offset tests can move forward (key expiry, timestamp windows). */
export class Clock {
	private offsetMs = 0;

	now(): Date {
		return new Date(Date.now() + this.offsetMs);
	}

	advance(ms: number): void {
		this.offsetMs += ms;
	}

	reset(): void {
		this.offsetMs = 0;
	}

	nowSeconds(): number {
		return Math.floor(this.now().getTime() / 1000);
	}

	/** `Y-m-d H:i:s` in China Standard Time, as the vendor writes dates. */
	chinaText(date = this.now()): string {
		return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
	}
}

export function parseChinaText(text: string): Date | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(String(text).trim());
	if (!match) return undefined;
	const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
	return new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) - 8 * 3600_000);
}

import { retryPauseMs } from '../../nodes/Yunke/transport/retryPause';

describe('the pause before a read is retried after a transient fault', () => {
	it('is 300 ms, doubling, at the default Request Timeout of 60 s and above', () => {
		expect([0, 1, 2].map((retry) => retryPauseMs(60_000, retry))).toEqual([300, 600, 1200]);
		expect([0, 1, 2].map((retry) => retryPauseMs(600_000, retry))).toEqual([300, 600, 1200]);
	});

	it('shrinks with a shorter Request Timeout: a user who waits 2 s for an answer is not kept waiting 2.1 s for retries', () => {
		expect([0, 1, 2].map((retry) => retryPauseMs(2_000, retry))).toEqual([10, 20, 40]);
		expect([0, 1, 2].map((retry) => retryPauseMs(10_000, retry))).toEqual([50, 100, 200]);
	});
});

import type { LoggedRequest } from '../../sandbox/server';

/** The most requests the sandbox was serving at one moment, from the arrival and answer times of its log. */
export function mostAtOnce(entries: LoggedRequest[]): number {
	const edges = entries.flatMap((entry) => [
		{ at: entry.receivedMs, change: 1 },
		{ at: entry.answeredMs, change: -1 },
	]);
	// an answer sent in the same millisecond as the next request arrives did not overlap it
	edges.sort((a, b) => a.at - b.at || a.change - b.change);
	let open = 0;
	let most = 0;
	for (const edge of edges) most = Math.max(most, (open += edge.change));
	return most;
}

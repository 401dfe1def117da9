/**
 * 5.1 and 6.1 filter by creation date, and an empty filter means "today only" ("为空请求当天数据").
 * "Everything" is therefore an explicit range: from `earliest` (the oldest date in any vendor sample
 * is 2018, 3.2's role list; ASSUMED no tenant holds older data) to the end of today, China time.
 * The docs state no widest range; 6.1's own example spans 69 days. A tenant refusing a wide range
 * (20002 or 30008) is read in windows of `windowDays`, newest first.
 */
export const CREATION_DATES = {
	earliest: '2018-01-01 00:00:00',
	windowDays: 90,
	refusalCodes: [20002, 30008],
} as const;

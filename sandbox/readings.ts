/**
 * The readings of the vendor pages this tenant takes where the pages are strict or ambiguous.
 * The default of each is the reading that hurts a careless client most; tests and users switch to
 * another reading with `POST /__control/config { "shapes": { … } }` or `new Sandbox({ shapes })`.
 * docs/vendor-conformance.md has one row per reading.
 */
export interface SandboxShapes {
	/** 5.7.2 `client_info_json`: the one form the tenant accepts; the other is answered 30006. */
	clientInfoJson: 'object' | 'string';
	/**
	 * How the platform compares phone numbers (the duplicate check of one task's rows — `repeatCount`,
	 * the do-not-disturb list, 5.3.2 cancel by number, the `phone` filters): `exact` as sent (every
	 * public sample is a bare number; nothing says the platform cleans one up), or `normalised` by digits.
	 */
	phoneMatch: 'exact' | 'normalised';
	/** 5.1 and 6.1: "为空请求当天数据" — empty date filters answer `today`'s rows only, or `all` rows. */
	emptyDates: 'today' | 'all';
	/**
	 * 5.1 and 6.1: the widest creation-date range one request may ask for, in days (0 = unlimited);
	 * a wider one is answered 20002. The docs state no limit; 6.1's own example spans 69 days.
	 */
	maxDateRangeDays: number;
	/** Lists that document no paging (8.1): `samePage` ignores `pageIndex` and answers the first page again; `paged` pages. */
	unpagedLists: 'samePage' | 'paged';
}

export const STRICT_SHAPES: SandboxShapes = {
	clientInfoJson: 'object',
	phoneMatch: 'exact',
	emptyDates: 'today',
	maxDateRangeDays: 90,
	unpagedLists: 'samePage',
};

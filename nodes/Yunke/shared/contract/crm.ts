// Call records (6.1–6.4) and the customer CRM (6.7).

/** 6.1 `status_search`: which intent the `status_value` levels filter on. */
export const INTENT_FIELDS = { ai: 'status', manual: 'status_manual' } as const;

/**
 * 6.4 answer: `data.fragment` = rounds, each a list of turns { caption (robot line), title (script
 * node), answer (customer reply, may be empty), vocfile (robot audio), fenduanluyin (segment recording of
 * the reply, for 6.3) }. Field meanings partly ASSUMED.
 */
export const TRANSCRIPT_FIELDS = { robot: 'caption', customer: 'answer', node: 'title', robotAudio: 'vocfile', customerAudio: 'fenduanluyin' } as const;

// CRM answers (ASSUMED): the JSON imports (6.7.1/6.7.2) answer like 6.7.3 (`total`, `success_count`,
// `fail`, `repeat`, `rst` "200"), and the list (6.7.5) answers `{"code":0,"data":{"total":n,"list":[…]}}`.

/**
 * CRM imports (6.7.1/6.7.2) are GET requests, so the rows travel in the query string: one request
 * carries at most this many bytes of `add_json` (nginx's default request line is 8 KB; ASSUMED).
 */
export const CUSTOMER_IMPORT_MAX_QUERY_BYTES = 6000;

/** The CRM's own column names for the phone number and the name (6.7.1 example `{"姓名","电话","地址"}`). */
export const CUSTOMER_COLUMNS = { phone: '电话', name: '姓名' } as const;

/** 6.7.4 `follow_set_id`: where customers imported into the public pool come from. */
export const CUSTOMER_FOLLOW_SET = { aiShortlist: 0, manualImport: -1, opportunityImport: -2 } as const;

/** 6.7.5 `data`: the search object travels as a JSON string in the query (ASSUMED). */
export const CUSTOMER_SEARCH_FIELDS = { nameOrPhone: 'namephone', updatedFrom: 'updated_at_start', updatedTo: 'updated_at_end' } as const;

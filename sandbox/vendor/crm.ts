/** The CRM (6.7.x): the search fields of 6.7.5 `data`. */
export const CUSTOMER_SEARCH_FIELDS = { nameOrPhone: 'namephone', updatedFrom: 'updated_at_start', updatedTo: 'updated_at_end' } as const;

/**
 * Every assumption this project makes where the vendor documentation is silent or inconsistent
 * (docs/vendor-facts.md, marked "assumed" there) lives in this folder, one file per topic, so that a live tenant showing
 * otherwise needs one edit. Import from here (`shared/contract`). The sandbox keeps its own reading
 * of the vendor pages (sandbox/vendor/); docs/vendor-conformance.md and its test compare the two.
 */
export * from './endpoints';
export * from './login';
export * from './envelope';
export * from './accounts';
export * from './tasks';
export * from './imports';
export * from './crm';
export * from './pushes';
export * from './dates';

/**
 * The sandbox's own reading of the vendor pages, one file per topic, written from the pages and the
 * vendor's error table, never from the node: where the two readings disagree, a test fails
 * (test/conformance/vendorConformance.test.ts, docs/vendor-conformance.md).
 */
export * from './paths';
export * from './codes';
export * from './login';
export * from './limits';
export * from './tasks';
export * from './calls';
export * from './pushes';
export * from './accounts';
export * from './crm';

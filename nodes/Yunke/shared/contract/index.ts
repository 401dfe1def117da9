/**
 * Every assumption this project makes where the vendor documentation is silent or inconsistent
 * (`yunke-api.md` §7 to §9) lives in this folder, one file per topic, so that a live tenant showing
 * otherwise needs one edit. Import from here (`shared/contract`); the sandbox imports the same
 * constants, so node and simulator cannot drift apart.
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

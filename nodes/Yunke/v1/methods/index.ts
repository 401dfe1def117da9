export * as listSearch from '../../methods/listSearch';
export * as loadOptions from './loadOptions';
export * as resourceMapping from './resourceMapping';

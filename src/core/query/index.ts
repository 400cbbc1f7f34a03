/** Filter, sort and summarize feature tables (pure; the query worker runs it). */
export * from './columns';
export * from './columnInfo';
export * from './filterSpec';
export { QueryError } from './queryError';
export * from './rowView';
export * from './tableQuery';
export { GrowingTable } from './growingTable';
export { copyTokens } from './copyTokens';

/**
 * Main-thread handle on the query worker. Features import this module and the types of
 * ./queryApi.ts, never the worker itself.
 */
import { connect } from '../connect';
import type { QueryApi } from './queryApi';

export type QueryClient = QueryApi & { terminate(): void };

export function createQueryClient(): QueryClient {
  const { remote, call, terminate } = connect<QueryApi>(new Worker(new URL('./query.worker.ts', import.meta.url), { type: 'module', name: 'query' }), 'The query worker');
  return {
    open: (datasetKey) => call(remote.open(datasetKey)),
    refresh: (datasetKey) => call(remote.refresh(datasetKey)),
    view: (query) => call(remote.view(query)),
    columns: (datasetKey) => call(remote.columns(datasetKey)),
    rowIndexOf: (datasetKey, id, sort, filter) => call(remote.rowIndexOf(datasetKey, id, sort, filter)),
    close: (datasetKey) => call(remote.close(datasetKey)),
    terminate,
  };
}

let shared: QueryClient | undefined;

/** One query worker per page, started on first use. */
export function queryClient(): QueryClient {
  return (shared ??= createQueryClient());
}

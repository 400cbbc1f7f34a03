/**
 * Main-thread handle on the query worker. Features import this module and the types of
 * ./queryApi.ts, never the worker itself.
 */
import * as Comlink from 'comlink';
import type { QueryApi } from './queryApi';

export type QueryClient = QueryApi & { terminate(): void };

export function createQueryClient(): QueryClient {
  const worker = new Worker(new URL('./query.worker.ts', import.meta.url), { type: 'module', name: 'query' });
  const remote = Comlink.wrap<QueryApi>(worker);
  // A worker that fails to load would otherwise leave every call pending forever.
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(`The query worker stopped: ${e.message || 'its script could not be loaded'}`)), { once: true });
  });
  failed.catch(() => undefined);
  const call = <T>(p: Promise<T>) => Promise.race([p, failed]);
  return {
    open: (datasetKey) => call(remote.open(datasetKey)),
    refresh: (datasetKey) => call(remote.refresh(datasetKey)),
    view: (query) => call(remote.view(query)),
    columns: (datasetKey) => call(remote.columns(datasetKey)),
    rowIndexOf: (datasetKey, id, sort, filter) => call(remote.rowIndexOf(datasetKey, id, sort, filter)),
    close: (datasetKey) => call(remote.close(datasetKey)),
    terminate() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

let shared: QueryClient | undefined;

/** One query worker per page, started on first use. */
export function queryClient(): QueryClient {
  return (shared ??= createQueryClient());
}

/**
 * Main-thread handle on the dataset worker (workers/datasets.worker.ts). Features import this and
 * the types of workers/datasetsApi.ts, never the worker itself.
 */
import * as Comlink from 'comlink';
import type { DatasetsApi } from './datasetsApi';

export type DatasetsClient = DatasetsApi & { terminate(): void };

export function createDatasetsClient(): DatasetsClient {
  const worker = new Worker(new URL('./datasets.worker.ts', import.meta.url), { type: 'module', name: 'datasets' });
  const remote = Comlink.wrap<DatasetsApi>(worker);
  // A worker that fails to load would otherwise leave every call pending forever.
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(`The dataset worker stopped: ${e.message || 'its script could not be loaded'}`)), { once: true });
  });
  failed.catch(() => undefined);
  const call = <T>(p: Promise<T>) => Promise.race([p, failed]);
  return {
    discover: (target) => call(remote.discover(target)),
    ingestHub: (request) => call(remote.ingestHub(request)),
    ingestLocal: (request) => call(remote.ingestLocal(request)),
    pause: (key) => call(remote.pause(key)),
    resume: (key, token) => call(remote.resume(key, token)),
    remove: (key) => call(remote.remove(key)),
    list: () => call(remote.list()),
    watch: (onStatus) => call(remote.watch(Comlink.proxy(onStatus))),
    reattach: (key, files) => call(remote.reattach(key, files)),
    trajectory: (datasetKey, id) => call(remote.trajectory(datasetKey, id)),
    terminate() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

let shared: DatasetsClient | undefined;

/** One dataset worker per page, started on first use. */
export function datasetsClient(): DatasetsClient {
  return (shared ??= createDatasetsClient());
}

/**
 * Main-thread handle on the dataset worker (workers/datasets.worker.ts). Features import this and
 * the types of workers/datasetsApi.ts, never the worker itself.
 */
import * as Comlink from 'comlink';
import { connect } from './connect';
import type { DatasetsApi } from './datasetsApi';

export type DatasetsClient = DatasetsApi & { terminate(): void };

export function createDatasetsClient(): DatasetsClient {
  const { remote, call, terminate } = connect<DatasetsApi>(new Worker(new URL('./datasets.worker.ts', import.meta.url), { type: 'module', name: 'datasets' }), 'The dataset worker');
  return {
    discover: (target) => call(remote.discover(target)),
    ingestHub: (request) => call(remote.ingestHub(request)),
    ingestLocal: (request) => call(remote.ingestLocal(request)),
    pause: (key) => call(remote.pause(key)),
    resume: (key, token) => call(remote.resume(key, token)),
    reattach: (key, files) => call(remote.reattach(key, files)),
    remove: (key) => call(remote.remove(key)),
    list: () => call(remote.list()),
    watch: (onStatus) => call(remote.watch(Comlink.proxy(onStatus))),
    trajectory: (datasetKey, id) => call(remote.trajectory(datasetKey, id)),
    terminate,
  };
}

let shared: DatasetsClient | undefined;

/** One dataset worker per page, started on first use. */
export function datasetsClient(): DatasetsClient {
  return (shared ??= createDatasetsClient());
}

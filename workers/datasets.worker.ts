/// <reference lib="webworker" />
/**
 * Dataset worker: Hub discovery, ingest into IndexedDB, progress. Its API (workers/datasetsApi.ts)
 * is exposed with comlink; the UI reaches it through workers/datasetsClient.ts.
 */
import * as Comlink from 'comlink';
import type { DatasetsApi, DatasetStatus } from './datasetsApi';
import { DatasetJobs } from './ingest/datasetJobs';
import { discoverPlan } from './ingest/discoverPlan';
import { discoverUrl, looksLikeUrl } from './ingest/discoverUrl';
import { openShard } from './ingest/openShard';
import { openTrajectoryStore } from './store';
import { createTokenPool } from './tokens/tokenPool';

const jobs = openTrajectoryStore().then((store) => {
  const pool = createTokenPool();
  const j: DatasetJobs = new DatasetJobs({
    store,
    counter: pool,
    now: () => performance.now(),
    openShard: (dataset, shard, secrets) => openShard(dataset, shard, secrets, (path) => j.files(dataset.key)?.get(path)),
  });
  void j.recoverTokens();
  return { j, store };
});

const api: DatasetsApi = {
  discover: (target) => (looksLikeUrl(target.repo) ? discoverUrl(target.repo.trim()) : discoverPlan(target)),
  ingestHub: async (request) => (await jobs).j.startHub(request),
  ingestLocal: async (request) => (await jobs).j.startLocal(request),
  pause: async (key) => (await jobs).j.pause(key),
  resume: async (key, token) => (await jobs).j.resume(key, token === undefined ? {} : { token }),
  reattach: async (key, files) => (await jobs).j.reattach(key, files),
  remove: async (key) => (await jobs).j.remove(key),
  list: async () => (await jobs).j.statuses(),
  watch: async (onStatus: (all: DatasetStatus[]) => void) => (await jobs).j.watch(onStatus),
  trajectory: async (datasetKey, id) => (await jobs).store.getTrajectory(datasetKey, id),
};

Comlink.expose(api);

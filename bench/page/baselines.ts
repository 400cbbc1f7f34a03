import * as Comlink from 'comlink';
import type { BenchDataset, DecodeTiming, TokenizeTiming } from '../shared/protocol';
import type { BaselineWorkerApi } from './baseline.worker';

/** Each baseline gets a worker of its own, as the pipeline's stages do, and drops it afterwards. */
async function inWorker<T>(run: (api: Comlink.Remote<BaselineWorkerApi>) => Promise<T>): Promise<T> {
  const worker = new Worker(new URL('./baseline.worker.ts', import.meta.url), { type: 'module', name: 'baseline' });
  const api = Comlink.wrap<BaselineWorkerApi>(worker);
  try {
    return await run(api);
  } finally {
    api[Comlink.releaseProxy]();
    worker.terminate();
  }
}

export function tokenizeBaseline(dataset: BenchDataset, passes: number, defaultCacheRows: number): Promise<TokenizeTiming> {
  return inWorker((api) => api.tokenize(dataset.fileUrl, dataset.fileSize, passes, defaultCacheRows));
}

export function decodeBaseline(dataset: BenchDataset): Promise<DecodeTiming> {
  return inWorker((api) => api.decode(dataset.fileUrl, dataset.fileSize));
}

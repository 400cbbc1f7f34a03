/**
 * Main-thread handle on the ingest worker. Features import this module (and workers/api.ts types),
 * never the worker itself.
 */
import * as Comlink from 'comlink';
import type { FileSummary, FormatInfo, IngestApi, OpenOptions, Progress } from './api';

export interface IngestClient {
  openFile(file: File, opts?: OpenOptions, onProgress?: (p: Progress) => void): Promise<FileSummary>;
  formats(): Promise<FormatInfo[]>;
  terminate(): void;
}

export function createIngestClient(): IngestClient {
  const worker = new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module', name: 'ingest' });
  const remote = Comlink.wrap<IngestApi>(worker);
  // A worker that fails to load (or crashes outside a call) would leave calls pending forever.
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(`The file reader stopped: ${e.message || 'its script could not be loaded'}`)), { once: true });
  });
  failed.catch(() => undefined);
  return {
    openFile(file, opts = {}, onProgress) {
      return Promise.race([remote.openFile(file, opts, onProgress ? Comlink.proxy(onProgress) : undefined), failed]);
    },
    formats() {
      return remote.formats();
    },
    terminate() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

let shared: IngestClient | undefined;

/** One worker for the whole page, started on first use. */
export function ingestClient(): IngestClient {
  return (shared ??= createIngestClient());
}

/**
 * Main-thread handle on the ingest worker. Features import this module (and workers/api.ts types),
 * never the worker itself.
 */
import * as Comlink from 'comlink';
import { connect } from './connect';
import type { FileSummary, FormatInfo, IngestApi, OpenOptions, Progress } from './api';

export interface IngestClient {
  openFile(file: File, opts?: OpenOptions, onProgress?: (p: Progress) => void): Promise<FileSummary>;
  formats(): Promise<FormatInfo[]>;
  terminate(): void;
}

export function createIngestClient(): IngestClient {
  const { remote, call, terminate } = connect<IngestApi>(new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module', name: 'ingest' }), 'The file reader');
  return {
    openFile: (file, opts = {}, onProgress) => call(remote.openFile(file, opts, onProgress ? Comlink.proxy(onProgress) : undefined)),
    formats: () => call(remote.formats()),
    terminate,
  };
}

let shared: IngestClient | undefined;

/** One worker for the whole page, started on first use. */
export function ingestClient(): IngestClient {
  return (shared ??= createIngestClient());
}

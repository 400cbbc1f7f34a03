/// <reference lib="webworker" />
/**
 * Ingest worker: decodes and normalizes files off the main thread. Its API (workers/api.ts) is
 * exposed with comlink; the UI reaches it through workers/client.ts.
 */
import * as Comlink from 'comlink';
import { blobSource } from '../src/core/decode/blobSource';
import { ADAPTERS } from '../src/core/formats/registry';
import type { FormatInfo, IngestApi, OpenOptions, Progress } from './api';
import { summarizeFile } from './summarize';

const api: IngestApi = {
  async openFile(file: File, opts: OpenOptions, onProgress?: (p: Progress) => void) {
    return summarizeFile(blobSource(file, file.name), opts, onProgress);
  },
  async formats(): Promise<FormatInfo[]> {
    return ADAPTERS.map((a) => ({ id: a.id, label: a.label }));
  },
};

Comlink.expose(api);

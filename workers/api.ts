/**
 * The contract between the UI and the ingest worker. The UI only ever sees these types; the worker
 * (workers/ingest.worker.ts) implements them with the core, the client (workers/client.ts) wraps
 * them with comlink.
 */
import type { RowError } from '../src/core/decode/types';
import type { Detection } from '../src/core/pipeline';
import type { Outcome } from '../src/core/types';

export type { Detection, Outcome, RowError };

/** Source label that prefixes the ids of rows read from local files. */
export const LOCAL_SOURCE = 'local';

/** Rows shown per file in the first view. */
export const PREVIEW_ROWS = 20;

/** Row errors kept per file (the count is always exact). */
export const MAX_ERRORS = 100;

export interface OpenOptions {
  /** Force an adapter id instead of detecting the format. */
  format?: string;
}

export interface Progress {
  /** Rows read so far (trajectories and row errors). */
  rows: number;
  errors: number;
  /** Format detected from the first rows, once known. */
  detection?: Detection;
}

/** One row of the first view: what a table needs, nothing heavy. */
export interface PreviewRow {
  /** Stable row id, `local/<file>#<row>`. */
  id: string;
  /** 0-based row index within the file. */
  row: number;
  instanceId?: string;
  outcome: Outcome;
  nMessages: number;
  tokens: number;
  /** False when `tokens` is the len/4 estimate. */
  tokensExact: boolean;
}

export interface FileSummary {
  name: string;
  size: number;
  /** Absent when no row could be read at all. */
  detection?: Detection;
  /** Trajectories read (rows that failed are counted in `errorCount`, not here). */
  rowCount: number;
  errorCount: number;
  /** The first `MAX_ERRORS` row errors, in file order. */
  errors: RowError[];
  /** The whole file (or its remainder) could not be read; the message names the file. */
  fatal?: string;
  /** The first `PREVIEW_ROWS` trajectories. */
  preview: PreviewRow[];
  elapsedMs: number;
}

export interface FormatInfo {
  id: string;
  label: string;
}

export interface IngestApi {
  /** Reads a whole file in the worker; resolves with a summary even when the file is broken (`fatal`). */
  openFile(file: File, opts: OpenOptions, onProgress?: (p: Progress) => void): Promise<FileSummary>;
  /** Adapters the user may force. */
  formats(): Promise<FormatInfo[]>;
}

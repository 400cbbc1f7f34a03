import type { RawRow } from '../types';

/**
 * Random-access bytes: a local file, a Blob, or an HTTP resource read with Range requests.
 * Readers only ever ask for what they need, so a 200 MB shard is never held whole.
 */
export interface ByteSource {
  /** File name as the user knows it (used in messages and to pick a reader). */
  name: string;
  size: number;
  slice(start: number, end: number): Promise<ArrayBuffer>;
  /** The whole content as a byte stream, for line-oriented formats. */
  stream(): ReadableStream<Uint8Array>;
}

export type FileKind = 'parquet' | 'jsonl' | 'json';

export interface RowError {
  /** 0-based row (JSONL: line) index within the file. */
  row: number;
  message: string;
}

/**
 * `rows[i]` is always row `firstRow + i`: rows in a batch are contiguous.
 * A row that fails to decode ends its batch and is reported in `errors` (its index lies
 * outside the batch's row range), so `firstRow + i` stays a stable row identity.
 */
export interface RowBatch {
  /** Index of `rows[0]` within the file (for a batch with no rows: of its first error). */
  firstRow: number;
  rows: RawRow[];
  /** Rows that could not be decoded; they are skipped, the rest of the file still reads. */
  errors: RowError[];
}

/** Which rows to read: a half-open range of row indices, as in `Array.prototype.slice`. */
export interface RowRange {
  /** First row to read (inclusive); default 0. */
  rowStart?: number;
  /** Row to stop before (exclusive); default: the end of the file. */
  rowEnd?: number;
}

/** A whole file (or a part of it) could not be read; names the file and, where known, the row. */
export class DecodeError extends Error {
  /** The message without the file and row prefix, for callers that add their own context. */
  readonly reason: string;

  constructor(
    readonly file: string,
    message: string,
    readonly row?: number,
  ) {
    super(`${file}${row === undefined ? '' : ` row ${row}`}: ${message}`);
    this.name = 'DecodeError';
    this.reason = message;
  }
}

/** The message of anything thrown, without a DecodeError's file prefix. */
export function reasonOf(e: unknown): string {
  if (e instanceof DecodeError) return e.reason;
  if (e instanceof Error) return e.name === 'Error' ? e.message : `${e.name}: ${e.message}`;
  return String(e);
}

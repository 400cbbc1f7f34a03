import type { RawRow } from '../types';
import { detectFileKind, stripGz } from './fileKind';
import { gunzip, isGzip } from './gzip';
import { readJson } from './json';
import { readJsonl } from './jsonl';
import { readParquetIncremental } from './parquetStream';
import { peekStream } from './peek';
import { DecodeError, reasonOf, type ByteSource, type FileKind, type RowBatch, type RowRange } from './types';

/** Enough to see a parquet magic, a gzip header, or the first JSONL line of small rows. */
const HEAD_BYTES = 4096;

export interface ReadRowsOptions extends RowRange {
  /** Keep only these top-level fields (parquet reads only these columns). */
  columns?: string[];
  /** Rows per batch for JSON and JSONL; parquet yields one batch per row group. */
  batchSize?: number;
}

/** Reads any supported file, picking the reader from its first bytes and name. */
export async function* readRows(source: ByteSource, opts: ReadRowsOptions = {}): AsyncGenerator<RowBatch> {
  const head = new Uint8Array(await source.slice(0, Math.min(HEAD_BYTES, source.size)));
  if (isGzip(head)) {
    yield* readGzipped(source, opts);
    return;
  }
  const { kind } = detectFileKind(source.name, head);
  if (kind === 'parquet') {
    yield* readParquetIncremental(source, opts);
    return;
  }
  yield* readText(kind, source.stream(), source.name, opts);
}

/** A gzipped JSON or JSONL: the decompressed start decides the reader (the name may not say). */
async function* readGzipped(source: ByteSource, opts: ReadRowsOptions): AsyncGenerator<RowBatch> {
  const inner = await peekGunzipped(source);
  const { kind } = detectFileKind(stripGz(source.name), inner.head);
  if (kind === 'parquet') throw new DecodeError(source.name, 'a gzip-compressed parquet file: decompress it first (parquet compresses its own pages)');
  yield* readText(kind, inner.stream, source.name, opts);
}

async function peekGunzipped(source: ByteSource) {
  try {
    return await peekStream(gunzip(source.stream()), HEAD_BYTES);
  } catch (e) {
    throw new DecodeError(source.name, `cannot decompress gzip: ${reasonOf(e)}`);
  }
}

async function* readText(kind: Exclude<FileKind, 'parquet'>, stream: ReadableStream<Uint8Array>, file: string, opts: ReadRowsOptions): AsyncGenerator<RowBatch> {
  const batches = kind === 'jsonl' ? readJsonl(stream, file, opts.batchSize, opts) : readJson(stream, file, opts.batchSize, opts);
  const { columns } = opts;
  for await (const batch of batches) {
    yield columns ? { ...batch, rows: batch.rows.map((row) => project(row, columns)) } : batch;
  }
}

function project(row: RawRow, columns: string[]): RawRow {
  const out: RawRow = {};
  for (const name of columns) if (name in row) out[name] = row[name];
  return out;
}

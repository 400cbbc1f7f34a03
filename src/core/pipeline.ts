import { readRows, type ReadRowsOptions } from './decode/readRows';
import type { ByteSource, RowBatch, RowError, RowRange } from './decode/types';
import { computeFeatures } from './features';
import type { Adapter } from './formats/adapter';
import { detectFormat, type Detection } from './formats/detect';
import type { Features, RawRow, RowContext, Trajectory } from './types';

export type { Detection };

export interface Processed {
  /** Row index within the file. */
  row: number;
  trajectory: Trajectory;
  features: Features;
}

export interface TrajectoryBatch {
  detection: Detection;
  firstRow: number;
  /** The row after this batch: where a resumed read starts once the batch is committed. */
  nextRow: number;
  items: Processed[];
  errors: RowError[];
}

export interface ReadOptions extends RowRange {
  /** Dataset / source label that prefixes each row id. */
  source: string;
  /** File name used in row ids (default: the source's name). */
  file?: string;
  config?: string;
  split?: string;
  /** Force an adapter id instead of detecting. */
  format?: string;
  /** false: features carry the len/4 estimate (tokensExact false) and tokens are filled in later. */
  exactTokens?: boolean;
  /** Rows per batch for JSON and JSONL (parquet batches follow its row groups). */
  batchSize?: number;
}

/** Streams a file into canonical records, batch by batch; the format is detected from its first rows. */
export async function* readTrajectories(source: ByteSource, opts: ReadOptions): AsyncGenerator<TrajectoryBatch> {
  let chosen: { adapter: Adapter; detection: Detection } | undefined;
  for await (const batch of readRows(source, rowsOptions(opts))) {
    chosen ??= detectFormat(batch.rows, opts.format);
    const { items, errors } = normalizeBatch(chosen.adapter, batch.rows, batch.firstRow, opts.file ?? source.name, opts);
    yield { detection: chosen.detection, firstRow: batch.firstRow, nextRow: nextRowOf(batch), items, errors: [...batch.errors, ...errors] };
  }
}

function rowsOptions(opts: ReadOptions): ReadRowsOptions {
  const out: ReadRowsOptions = {};
  if (opts.rowStart !== undefined) out.rowStart = opts.rowStart;
  if (opts.rowEnd !== undefined) out.rowEnd = opts.rowEnd;
  if (opts.batchSize !== undefined) out.batchSize = opts.batchSize;
  return out;
}

/** Decode errors may lie past the batch's rows (a bad row closes its batch). */
function nextRowOf(batch: RowBatch): number {
  return Math.max(batch.firstRow + batch.rows.length, ...batch.errors.map((e) => e.row + 1));
}

/** One malformed row becomes a row error; it never stops the rows around it. */
export function normalizeBatch(adapter: Adapter, rows: RawRow[], firstRow: number, file: string, opts: ReadOptions) {
  const items: Processed[] = [];
  const errors: RowError[] = [];
  rows.forEach((row, i) => {
    const ctx: RowContext = { source: opts.source, file, rowIndex: firstRow + i };
    if (opts.config !== undefined) ctx.config = opts.config;
    if (opts.split !== undefined) ctx.split = opts.split;
    try {
      const trajectory = adapter.normalize(row, ctx);
      items.push({ row: firstRow + i, trajectory, features: computeFeatures(trajectory, { exactTokens: opts.exactTokens !== false }) });
    } catch (e) {
      errors.push({ row: firstRow + i, message: `could not read as ${adapter.id}: ${e instanceof Error ? e.message : String(e)}` });
    }
  });
  return { items, errors };
}

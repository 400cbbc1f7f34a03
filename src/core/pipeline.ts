import { readRows } from './decode/readRows';
import type { ByteSource, RowError } from './decode/types';
import { computeFeatures } from './features';
import type { Adapter } from './formats/adapter';
import { detectFormat, type Detection } from './formats/detect';
import type { Features, RawRow, RowContext, Trajectory } from './types';

export type { Detection };

export interface Processed {
  trajectory: Trajectory;
  features: Features;
}

export interface TrajectoryBatch {
  detection: Detection;
  firstRow: number;
  items: Processed[];
  errors: RowError[];
}

export interface ReadOptions {
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
}

/** Streams a file into canonical records, batch by batch; the format is detected from its first rows. */
export async function* readTrajectories(source: ByteSource, opts: ReadOptions): AsyncGenerator<TrajectoryBatch> {
  let chosen: { adapter: Adapter; detection: Detection } | undefined;
  for await (const batch of readRows(source)) {
    chosen ??= detectFormat(batch.rows, opts.format);
    const { items, errors } = normalizeBatch(chosen.adapter, batch.rows, batch.firstRow, opts.file ?? source.name, opts);
    yield { detection: chosen.detection, firstRow: batch.firstRow, items, errors: [...batch.errors, ...errors] };
  }
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
      items.push({ trajectory, features: computeFeatures(trajectory, { exactTokens: opts.exactTokens !== false }) });
    } catch (e) {
      errors.push({ row: firstRow + i, message: `could not read as ${adapter.id}: ${e instanceof Error ? e.message : String(e)}` });
    }
  });
  return { items, errors };
}

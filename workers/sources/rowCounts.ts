import { parquetInfo, type ParquetInfo } from '../../src/core/decode/parquet';
import type { ByteSource } from '../../src/core/decode/types';
import type { HubDatasetPlan, HubFileRef } from './hubDataset';
import { httpByteSource } from './httpSource';
import type { RetryPolicy } from './retry';

/** How to reach a plan's files: the plan never holds the token, so it comes again here. */
export interface HubReadOptions {
  token?: string;
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  /** Bytes received, for progress. */
  onBytes?: (bytes: number) => void;
}

/** A plan's file with where it belongs. */
export interface PlannedFile {
  config: string;
  split: string;
  file: HubFileRef;
}

export interface FileRowCount extends PlannedFile {
  /** From the parquet footer; null for JSON / JSON Lines (known only once read) or when the footer failed. */
  rows: number | null;
  rowGroups: ParquetInfo['rowGroups'] | null;
  /** Why the footer could not be read; names the file. */
  error?: string;
}

export interface RowCountOptions extends HubReadOptions {
  /** Footers read at once; default 4. */
  concurrency?: number;
  /** Called as each file's count is known. */
  onFile?: (count: FileRowCount) => void;
}

/** Every file of the plan, config by config, split by split, in shard order. */
export function planFiles(plan: HubDatasetPlan): PlannedFile[] {
  return plan.configs.flatMap((c) => c.splits.flatMap((s) => s.files.map((file) => ({ config: c.name, split: s.name, file }))));
}

/** A planned file as a ByteSource named by its repository path; its size is already known, so no request is made yet. */
export function hubFileSource(file: HubFileRef, opts: HubReadOptions = {}): Promise<ByteSource> {
  return httpByteSource(file.url, { ...opts, name: file.path, size: file.size });
}

/**
 * Row counts and row groups of every parquet file, each from its footer alone (one range read
 * at the end of the file), a few files at a time. A file whose footer fails gets its error, the
 * others still count. Results are in planFiles order.
 */
export async function rowCounts(plan: HubDatasetPlan, opts: RowCountOptions = {}): Promise<FileRowCount[]> {
  const files = planFiles(plan);
  const out: FileRowCount[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const planned = files[index] as PlannedFile;
      out[index] = await countOne(planned, opts);
      opts.onFile?.(out[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 4, files.length)) }, worker));
  return out;
}

async function countOne(planned: PlannedFile, opts: HubReadOptions): Promise<FileRowCount> {
  if (planned.file.kind !== 'parquet') return { ...planned, rows: null, rowGroups: null };
  try {
    const info = await parquetInfo(await hubFileSource(planned.file, opts));
    return { ...planned, rows: info.rows, rowGroups: info.rowGroups };
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    const message = e instanceof Error ? e.message : String(e);
    return { ...planned, rows: null, rowGroups: null, error: message.startsWith(planned.file.path) ? message : `${planned.file.path}: ${message}` };
  }
}

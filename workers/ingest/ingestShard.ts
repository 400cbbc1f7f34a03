import { countingSource } from '../../src/core/decode/countingSource';
import type { ByteSource, RowError } from '../../src/core/decode/types';
import { readTrajectories, type Detection, type Processed } from '../../src/core/pipeline';

/** Where a shard's read stands: what is committed, so a new read resumes right after it. */
export interface ShardCursor {
  /** Dataset label that prefixes row ids. */
  source: string;
  config: string;
  split: string;
  path: string;
  /** Next row to read: everything before it is committed. */
  rowsDone: number;
  /** Stop before this row (sample mode); undefined reads to the end. */
  rowLimit?: number;
  /** Adapter chosen when the shard was first read; a resumed read keeps it. */
  format?: string;
}

export interface ShardBatch {
  detection: Detection;
  items: Processed[];
  errors: RowError[];
  /** Row after this batch: the cursor's new `rowsDone` once the batch is committed. */
  nextRow: number;
  /** Bytes fetched for the shard in this read so far. */
  bytesRead: number;
}

export interface ShardRead {
  cursor: ShardCursor;
  open(): Promise<ByteSource>;
  /** Must store the batch durably before it resolves: the read continues only after it. */
  commit(batch: ShardBatch): Promise<void>;
  signal: AbortSignal;
}

/**
 * Reads one shard from its cursor to its limit, committing batch by batch. An abort stops it
 * between batches, so nothing is half-written; errors propagate with the shard's path in them.
 * The next batch is decoded while the previous one commits (IndexedDB writes off this thread),
 * but commits stay in order, one at a time: a batch is committed only after the one before it is.
 */
export async function ingestShard({ cursor, open, commit, signal }: ShardRead): Promise<'done' | 'aborted'> {
  if (cursor.rowLimit !== undefined && cursor.rowsDone >= cursor.rowLimit) return 'done';
  let bytesRead = 0;
  const source = countingSource(await open(), (n) => (bytesRead += n));
  const batches = readTrajectories(source, {
    source: cursor.source,
    config: cursor.config,
    split: cursor.split,
    file: cursor.path,
    exactTokens: false,
    rowStart: cursor.rowsDone,
    ...(cursor.rowLimit !== undefined ? { rowEnd: cursor.rowLimit } : {}),
    ...(cursor.format !== undefined ? { format: cursor.format } : {}),
  });
  let committing: Promise<void> = Promise.resolve();
  try {
    for await (const batch of batches) {
      await committing;
      if (signal.aborted) return 'aborted';
      committing = commit({ detection: batch.detection, items: batch.items, errors: batch.errors, nextRow: batch.nextRow, bytesRead });
      // Awaited before the next batch or at the end; until then a failure must not go unhandled.
      committing.catch(() => undefined);
    }
    await committing;
  } catch (e) {
    // A read that fails while a batch commits leaves that commit to finish before anyone acts on the error.
    await committing.catch(() => undefined);
    throw e;
  } finally {
    await batches.return(undefined);
  }
  return signal.aborted ? 'aborted' : 'done';
}

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
 * Commits started before the oldest is awaited: the database writes one batch while the worker
 * decodes the next and serializes the one after (the store checks each batch follows the stored
 * progress, so a batch after a failed one fails too and nothing is skipped).
 */
const COMMITS_IN_FLIGHT = 2;

/**
 * Reads one shard from its cursor to its limit, committing batch by batch. An abort stops it
 * between batches, so nothing is half-written; errors propagate with the shard's path in them.
 * Decoding goes on while earlier batches commit (IndexedDB writes off this thread); commits are
 * started, and settle, in order, and a failure is reported for the first batch that failed.
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
  const committing: Promise<void>[] = [];
  try {
    for await (const batch of batches) {
      if (committing.length >= COMMITS_IN_FLIGHT) await committing.shift();
      if (signal.aborted) break;
      const commitment = commit({ detection: batch.detection, items: batch.items, errors: batch.errors, nextRow: batch.nextRow, bytesRead });
      // Awaited in turn; until then a failure must not go unhandled.
      commitment.catch(() => undefined);
      committing.push(commitment);
    }
    for (const commitment of committing.splice(0)) await commitment;
  } catch (e) {
    // A failure leaves the commits under way to finish before anyone acts on the error.
    await Promise.allSettled(committing);
    throw e;
  } finally {
    await batches.return(undefined);
  }
  return signal.aborted ? 'aborted' : 'done';
}

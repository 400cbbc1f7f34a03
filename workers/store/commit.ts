/**
 * One ingest batch: its trajectories, its feature chunk and the shard progress that covers them,
 * written in one transaction. A shard's stored rows always stay within `[0, rowsDone)`, so a reload
 * resumes at `rowsDone` with nothing lost and nothing read twice.
 */
import type { IDBPTransaction } from 'idb';
import { chunkByteSize, pendingTokenRows } from '../../src/core/featureColumns';
import { StoreError } from './errors';
import type { Trajectory } from '../../src/core/types';
import { MAX_ERROR_SAMPLES, type ChunkRecord, type CommitBatch, type ShardRecord, type TrajectoryGroupRecord } from './records';
import { issueAll } from './requests';
import { chunkKeyOf, chunksFrom, rowsFrom, type TrajectoryDB } from './schema';
import { approxSize } from './size';

export type BatchStores = ('shards' | 'trajectories' | 'featureChunks')[];
type BatchTx = IDBPTransaction<TrajectoryDB, BatchStores, 'readwrite'>;

export interface PreparedBatch {
  /** "rows 100–199 of shard data/train.parquet (default/train) of dataset d", for messages. */
  what: string;
  shard: Omit<ShardRecord, 'bytesStored'>;
  firstRow: number;
  groups: TrajectoryGroupRecord[];
  chunk: ChunkRecord;
}

/**
 * A group closes at this many trajectories or approximate bytes, whichever comes first: large
 * enough that Chromium writes far fewer values, small enough that opening one trajectory reads
 * little more than itself.
 */
const GROUP_ROWS = 32;
const GROUP_BYTES = 2 << 20;

/** Checks the batch is self-consistent and builds its records (outside any transaction: it may take a while). */
export function prepareBatch({ shard, firstRow, trajectories, chunk }: CommitBatch): PreparedBatch {
  const what = describeRows(shard, firstRow, shard.rowsDone);
  if (!Number.isInteger(firstRow) || firstRow < 0 || !Number.isInteger(shard.rowsDone) || shard.rowsDone < firstRow) {
    throw new StoreError(`Cannot save ${what}: the batch must start at a row ≥ 0 and end (rowsDone) at or after it.`);
  }
  if (chunk.n !== trajectories.length) throw new StoreError(`Cannot save ${what}: ${trajectories.length} trajectories but ${chunk.n} feature rows.`);
  const ids = new Set<string>();
  trajectories.forEach((trajectory, i) => {
    const row = chunk.rows[i] ?? -1;
    if (trajectory.id !== chunk.ids[i]) throw new StoreError(`Cannot save ${what}: trajectory ${i} is ${trajectory.id} but feature row ${i} is ${chunk.ids[i]}.`);
    if (row < firstRow || row >= shard.rowsDone) throw new StoreError(`Cannot save ${what}: trajectory ${trajectory.id} is at row ${row}, outside the batch.`);
    if (i > 0 && row <= (chunk.rows[i - 1] ?? -1)) throw new StoreError(`Cannot save ${what}: trajectory ${trajectory.id} at row ${row} does not follow row ${chunk.rows[i - 1]}.`);
    if (ids.has(trajectory.id)) throw new StoreError(`Cannot save ${what}: trajectory ${trajectory.id} appears twice.`);
    ids.add(trajectory.id);
  });
  const sizes = trajectories.map((t) => approxSize(t));
  const bytes = sizes.reduce((sum, n) => sum + n, chunkByteSize(chunk));
  return {
    what,
    shard: { ...shard, errorSamples: shard.errorSamples.slice(0, MAX_ERROR_SAMPLES) },
    firstRow,
    groups: groupTrajectories(shard, trajectories, sizes, chunk.rows),
    chunk: {
      key: chunkKeyOf(shard.key, firstRow),
      datasetKey: shard.datasetKey,
      shardKey: shard.key,
      firstRow,
      rowEnd: shard.rowsDone,
      bytes,
      tokensPending: pendingTokenRows(chunk).length,
      chunk,
    },
  };
}

/** Consecutive trajectories in groups of up to GROUP_ROWS rows or about GROUP_BYTES. */
function groupTrajectories(shard: Pick<ShardRecord, 'datasetKey' | 'key'>, trajectories: Trajectory[], sizes: number[], rows: Uint32Array): TrajectoryGroupRecord[] {
  const groups: TrajectoryGroupRecord[] = [];
  let open: TrajectoryGroupRecord | undefined;
  let openBytes = 0;
  trajectories.forEach((trajectory, i) => {
    if (!open || open.trajectories.length >= GROUP_ROWS || openBytes >= GROUP_BYTES) {
      open = { datasetKey: shard.datasetKey, shardKey: shard.key, row: rows[i] ?? 0, keys: [], trajectories: [] };
      openBytes = 0;
      groups.push(open);
    }
    open.keys.push([shard.datasetKey, trajectory.id]);
    open.trajectories.push(trajectory);
    openBytes += sizes[i] ?? 0;
  });
  return groups;
}

/**
 * Everything the shard held from `firstRow` on is replaced, so re-committing a batch never
 * duplicates it. The writes are issued at once, behind the reads that check them and before
 * waiting for those: a put serializes its value when it is called, so the worker prepares this
 * batch while the database is still writing the one before (the checks abort the transaction,
 * writes and all, when they fail).
 */
export async function writeBatch(tx: BatchTx, batch: PreparedBatch): Promise<void> {
  const { shard, firstRow } = batch;
  const shards = tx.objectStore('shards');
  const trajectories = tx.objectStore('trajectories');
  const chunks = tx.objectStore('featureChunks');
  const checks = Promise.all([
    shards.get(shard.key),
    firstRow === 0 ? null : chunks.index('byShard').openCursor(IDBKeyRange.bound([shard.key, 0], [shard.key, firstRow], false, true), 'prev'),
    chunks.index('byShard').getAll(chunksFrom(shard.key, firstRow)),
  ]);
  const writes: Promise<unknown>[] = [];
  try {
    writes.push(trajectories.delete(rowsFrom(shard.datasetKey, shard.key, firstRow)));
    for (const group of batch.groups) writes.push(trajectories.put(group));
    // An empty range (a file with no rows) has no chunk: every stored chunk covers at least one row.
    if (batch.chunk.rowEnd > firstRow) writes.push(chunks.put(batch.chunk));
  } finally {
    // A failed check or put aborts the transaction: the other requests then reject, awaited or not.
    for (const request of [checks, ...writes]) request.catch(() => undefined);
  }
  const [stored, previous, stale] = await checks;
  if (!stored || stored.datasetKey !== shard.datasetKey) {
    throw new StoreError(`Cannot save ${batch.what}: the shard is not in the store (its dataset was deleted, or putShards was not called).`);
  }
  if (firstRow > stored.rowsDone) {
    throw new StoreError(`Cannot save ${batch.what}: the shard's saved rows end before row ${stored.rowsDone}, so rows ${stored.rowsDone}–${firstRow - 1} would be skipped. Resume at rowsDone.`);
  }
  if (previous && previous.value.rowEnd > firstRow) {
    throw new StoreError(`Cannot save ${batch.what}: it overlaps the saved rows ${previous.value.firstRow}–${previous.value.rowEnd - 1}. Reset the shard to read it again with other batch boundaries.`);
  }
  // The batch's own chunk key may be among the stale ones: the put above already replaced it.
  const replaced = stale.filter((c) => c.key !== batch.chunk.key);
  const freed = stale.reduce((sum, c) => sum + c.bytes, 0);
  await issueAll([
    ...replaced.map((c) => () => chunks.delete(c.key)),
    () => shards.put({ ...shard, bytesStored: Math.max(0, stored.bytesStored - freed) + batch.chunk.bytes }),
    () => Promise.all(writes),
  ]);
}

export function describeShard(shard: Pick<ShardRecord, 'path' | 'config' | 'split' | 'datasetKey'>): string {
  return `shard ${shard.path} (${shard.config}/${shard.split}) of dataset ${shard.datasetKey}`;
}

function describeRows(shard: Pick<ShardRecord, 'path' | 'config' | 'split' | 'datasetKey'>, from: number, to: number): string {
  return `rows ${from}–${to - 1} of ${describeShard(shard)}`;
}

/**
 * The IndexedDB schema of the trajectory store (database `trajectory-explorer`).
 *
 * | store           | key                                   | indexes                                                                      |
 * |-----------------|---------------------------------------|------------------------------------------------------------------------------|
 * | `datasets`      | `key`                                 | —                                                                            |
 * | `shards`        | `key` = `shardKeyOf(...)`             | `byDataset`: `datasetKey`                                                    |
 * | `trajectories`  | `[datasetKey, id]`                    | `byDataset`: `[datasetKey, shardKey, row]`; `byShard`: `[shardKey, row]`     |
 * | `featureChunks` | `key` = `shardKey#firstRow`           | `byDataset`: `[datasetKey, shardKey, firstRow]`; `byShard`: `[shardKey, firstRow]`; `pendingTokens`: `[datasetKey, tokensPending]` |
 *
 * - Trajectories are keyed by dataset and id, not id alone: the same file added as two datasets
 *   yields the same row ids, and one dataset must never overwrite (or delete) the other's rows.
 * - Row positions are numbers inside compound index keys, so rows list in shard order (row 10 after
 *   row 9), which string keys such as `...#10` would not give.
 * - A shard's stored rows are always within `[0, rowsDone)`: a batch and the progress that covers it
 *   are written in one transaction.
 *
 * Version history: 1 — the stores above.
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import type { ChunkRecord, DatasetRecord, ShardRecord, TrajectoryRecord } from './records';

export const DB_NAME = 'trajectory-explorer';
export const DB_VERSION = 1;

export interface TrajectoryDB extends DBSchema {
  datasets: { key: string; value: DatasetRecord };
  shards: { key: string; value: ShardRecord; indexes: { byDataset: string } };
  trajectories: {
    key: [string, string];
    value: TrajectoryRecord;
    indexes: { byDataset: [string, string, number]; byShard: [string, number] };
  };
  featureChunks: {
    key: string;
    value: ChunkRecord;
    indexes: { byDataset: [string, string, number]; byShard: [string, number]; pendingTokens: [string, number] };
  };
}

/** Brings a database at `oldVersion` (0: new) to `DB_VERSION`; each step runs once, in order. */
export function upgradeSchema(db: IDBPDatabase<TrajectoryDB>, oldVersion: number): void {
  if (oldVersion < 1) createVersion1(db);
}

function createVersion1(db: IDBPDatabase<TrajectoryDB>): void {
  db.createObjectStore('datasets', { keyPath: 'key' });
  db.createObjectStore('shards', { keyPath: 'key' }).createIndex('byDataset', 'datasetKey');
  const trajectories = db.createObjectStore('trajectories', { keyPath: ['datasetKey', 'id'] });
  trajectories.createIndex('byDataset', ['datasetKey', 'shardKey', 'row']);
  trajectories.createIndex('byShard', ['shardKey', 'row']);
  const chunks = db.createObjectStore('featureChunks', { keyPath: 'key' });
  chunks.createIndex('byDataset', ['datasetKey', 'shardKey', 'firstRow']);
  chunks.createIndex('byShard', ['shardKey', 'firstRow']);
  chunks.createIndex('pendingTokens', ['datasetKey', 'tokensPending']);
}

/** Unambiguous whatever the names contain (a config may hold '/'). */
export function shardKeyOf(datasetKey: string, config: string, split: string, path: string): string {
  return JSON.stringify([datasetKey, config, split, path]);
}

export function chunkKeyOf(shardKey: string, firstRow: number): string {
  return `${shardKey}#${firstRow}`;
}

/** The inverse of chunkKeyOf: the row number follows the last '#', whatever the shard key holds. */
export function parseChunkKey(key: string): { key: string; shardKey: string; firstRow: number } {
  const hash = key.lastIndexOf('#');
  return { key, shardKey: key.slice(0, hash), firstRow: Number(key.slice(hash + 1)) };
}

/** Index ranges over compound keys: arrays sort after every string and number, so `[k, []]` bounds all `[k, ...]`. */
export function prefixRange(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound([prefix], [prefix, []]);
}

/** Rows `from` and on of a shard, in a `[shardKey, row]` index. */
export function rowsFrom(shardKey: string, from: number): IDBKeyRange {
  return IDBKeyRange.bound([shardKey, from], [shardKey, Infinity]);
}

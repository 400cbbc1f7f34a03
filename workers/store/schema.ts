/**
 * The IndexedDB schema of the trajectory store (database `trajectory-explorer`).
 *
 * | store           | key                                   | indexes                                                                      |
 * |-----------------|---------------------------------------|------------------------------------------------------------------------------|
 * | `datasets`      | `key`                                 | —                                                                            |
 * | `shards`        | `key` = `shardKeyOf(...)`             | `byDataset`: `datasetKey`                                                    |
 * | `trajectories`  | `[datasetKey, shardKey, row]`         | `byId`: each of `keys` (`[datasetKey, id]`), multi-entry, unique             |
 * | `featureChunks` | `key` = `shardKey#firstRow`           | `byDataset`: `[datasetKey, shardKey, firstRow]`; `byShard`: `[shardKey, firstRow]`; `pendingTokens`: `[datasetKey, tokensPending]` |
 *
 * - Trajectories are stored a few consecutive rows of a batch per record (`TrajectoryGroupRecord`),
 *   keyed by the group's first row. So a dataset's rows, a shard's rows and a shard's rows from row N
 *   on are each one contiguous key range (a group never crosses a batch, and batches start where the
 *   previous one ended): listing walks the store itself in shard and row order (row 10 after row 9,
 *   as numbers), and deleting is one range request per slice, ten times faster in Chromium than a
 *   request per key. Lookups by id go through `byId`, which indexes every trajectory of a group.
 * - Ids are unique per dataset, not globally: the same file added as two datasets yields the same
 *   row ids, and one dataset must never overwrite (or delete) the other's rows.
 * - A shard's stored rows are always within `[0, rowsDone)`: a batch and the progress that covers it
 *   are written in one transaction.
 *
 * Version history: 1 — one trajectory per record, `byId` over `[datasetKey, id]`; 2 — grouped
 * trajectories (version 1 records become groups of one).
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Trajectory } from '../../src/core/types';
import type { ChunkRecord, DatasetRecord, ShardRecord, TrajectoryGroupRecord } from './records';

export const DB_NAME = 'trajectory-explorer';
export const DB_VERSION = 2;

export interface TrajectoryDB extends DBSchema {
  datasets: { key: string; value: DatasetRecord };
  shards: { key: string; value: ShardRecord; indexes: { byDataset: string } };
  trajectories: {
    key: [string, string, number];
    value: TrajectoryGroupRecord;
    indexes: { byId: [string, string] };
  };
  featureChunks: {
    key: string;
    value: ChunkRecord;
    indexes: { byDataset: [string, string, number]; byShard: [string, number]; pendingTokens: [string, number] };
  };
}

type UpgradeTx = IDBPTransaction<TrajectoryDB, StoreNames<TrajectoryDB>[], 'versionchange'>;

/** Brings a database at `oldVersion` (0: new) to `DB_VERSION`; each step runs once, in order. */
export async function upgradeSchema(db: IDBPDatabase<TrajectoryDB>, oldVersion: number, tx: UpgradeTx): Promise<void> {
  if (oldVersion < 1) createVersion1(db);
  if (oldVersion < 2) await groupTrajectories(tx);
}

function createVersion1(db: IDBPDatabase<TrajectoryDB>): void {
  db.createObjectStore('datasets', { keyPath: 'key' });
  db.createObjectStore('shards', { keyPath: 'key' }).createIndex('byDataset', 'datasetKey');
  db.createObjectStore('trajectories', { keyPath: ['datasetKey', 'shardKey', 'row'] });
  const chunks = db.createObjectStore('featureChunks', { keyPath: 'key' });
  chunks.createIndex('byDataset', ['datasetKey', 'shardKey', 'firstRow']);
  chunks.createIndex('byShard', ['shardKey', 'firstRow']);
  chunks.createIndex('pendingTokens', ['datasetKey', 'tokensPending']);
}

/** A version 1 trajectory record, as stored before version 2. */
interface Version1Record {
  datasetKey: string;
  id: string;
  shardKey: string;
  row: number;
  trajectory: Trajectory;
}

/** Version 2: `byId` indexes each trajectory of a group; every version 1 record becomes a group of one. */
async function groupTrajectories(tx: UpgradeTx): Promise<void> {
  const store = tx.objectStore('trajectories');
  // Version 1's index had the same name over another key path.
  if (store.indexNames.contains('byId')) store.deleteIndex('byId');
  store.createIndex('byId', 'keys', { unique: true, multiEntry: true });
  for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
    const old = cursor.value as unknown as Version1Record;
    await cursor.update({ datasetKey: old.datasetKey, shardKey: old.shardKey, row: old.row, keys: [[old.datasetKey, old.id]], trajectories: [old.trajectory] });
  }
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

/** Ranges over compound keys: arrays sort after every string and number, so `[...p, []]` bounds all `[...p, ...]`. */
export function prefixRange(...prefix: string[]): IDBKeyRange {
  return IDBKeyRange.bound(prefix, [...prefix, []]);
}

/** A shard's trajectories from row `from` on. */
export function rowsFrom(datasetKey: string, shardKey: string, from: number): IDBKeyRange {
  return IDBKeyRange.bound([datasetKey, shardKey, from], [datasetKey, shardKey, Infinity]);
}

/** A shard's chunks starting at row `from` or later, in the `[shardKey, firstRow]` index. */
export function chunksFrom(shardKey: string, from: number): IDBKeyRange {
  return IDBKeyRange.bound([shardKey, from], [shardKey, Infinity]);
}

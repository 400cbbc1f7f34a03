/** What the trajectory store keeps; every record is plain data so it structured-clones as is. */
import type { RowError } from '../../src/core/decode/types';
import type { FeatureChunk } from '../../src/core/featureColumns';
import type { TokenCounts, Trajectory } from '../../src/core/types';

export type { RowError };

/** Where a dataset's bytes come from. Never holds an access token: it is asked for again each session. */
export type DatasetSource =
  | { kind: 'hub'; repo: string; revision: string; endpoint: string }
  | { kind: 'local'; label: string }
  | { kind: 'url'; url: string };

export interface DatasetSelection {
  config: string;
  split: string;
}

export interface DatasetRecord {
  key: string;
  source: DatasetSource;
  /** The resolved commit sha of a Hub revision, once known. */
  commit?: string;
  mode: 'sample' | 'full';
  /** Rows per config × split in sample mode. */
  sampleRows: number;
  selection: DatasetSelection[];
  /** Epoch milliseconds. */
  created: number;
  updated: number;
}

/** `created` and `updated` are kept by the store. */
export type DatasetInput = Omit<DatasetRecord, 'created' | 'updated'>;

export type ShardState = 'pending' | 'running' | 'paused' | 'done' | 'error';

export interface ShardRecord {
  /** `shardKeyOf(datasetKey, config, split, path)`. */
  key: string;
  datasetKey: string;
  config: string;
  split: string;
  path: string;
  size: number;
  etag?: string;
  rowsTotal?: number | null;
  /** Sample mode: stop after this many rows. */
  rowLimit?: number;
  /** Rows committed (trajectories and row errors): the next row to read. */
  rowsDone: number;
  /** Source bytes consumed up to `rowsDone`. */
  bytesDone: number;
  /** Rows in `[0, rowsDone)` that could not be read. */
  errors: number;
  /** The first `MAX_ERROR_SAMPLES` of those. */
  errorSamples: RowError[];
  state: ShardState;
  error?: string;
  /** Adapter id that reads the shard. */
  format?: string;
  /** Approximate bytes stored for the shard's committed rows; kept by the store. */
  bytesStored: number;
}

/** Progress changes only through `commitBatch` and `resetShard`; `putShards` keeps the stored one. */
export type ShardProgressField = 'rowsDone' | 'bytesDone' | 'errors' | 'errorSamples' | 'bytesStored';
export type ShardInput = Omit<ShardRecord, ShardProgressField>;

export const MAX_ERROR_SAMPLES = 100;

/**
 * A few consecutive trajectories of one batch, stored as one record: Chromium writes a few large
 * values about twice as fast as many small ones, and reading one trajectory then deserializes
 * its group (a megabyte or two, a few ms). Written once, never updated.
 */
export interface TrajectoryGroupRecord {
  datasetKey: string;
  shardKey: string;
  /** Shard row of the group's first trajectory: the group's place in the store's key order. */
  row: number;
  /** `[datasetKey, id]` of each trajectory, for the `byId` index. */
  keys: [string, string][];
  trajectories: Trajectory[];
}

/** The feature columns of one committed batch. */
export interface ChunkRecord {
  /** `chunkKeyOf(shardKey, firstRow)`. */
  key: string;
  datasetKey: string;
  shardKey: string;
  /** The batch covers shard rows `[firstRow, rowEnd)`, row errors included. */
  firstRow: number;
  rowEnd: number;
  /** Approximate bytes of the batch: its trajectories and this chunk. */
  bytes: number;
  /** Rows whose token counts are still the len/4 estimate (indexed, so pending chunks are found without a scan). */
  tokensPending: number;
  chunk: FeatureChunk;
}

export interface CommitBatch {
  /** The shard with its progress after this batch: `rowsDone` is the batch's end. */
  shard: Omit<ShardRecord, 'bytesStored'>;
  /** The batch's first shard row (its rows are `[firstRow, shard.rowsDone)`). */
  firstRow: number;
  /** In the chunk's row order: `trajectories[i].id === chunk.ids[i]`. */
  trajectories: Trajectory[];
  chunk: FeatureChunk;
}

/** A dataset's feature chunks as their keys tell them, for readers that reload only what changed. */
export interface FeatureManifest {
  /** The dataset record's `updated`: it changes when an ingest starts over (new commit, mode or files). */
  updated: number;
  /** `rowsDone` of each of the dataset's shards, by shard key. */
  progress: Record<string, number>;
  /** Every stored chunk in shard and row order, those past their shard's progress included. */
  chunks: { key: string; shardKey: string; firstRow: number }[];
  /** Keys of the chunks that still have rows on the len/4 token estimate. */
  pending: string[];
}

/** A chunk with rows whose exact token counts are still to be computed. */
export interface PendingTokenChunk {
  chunkKey: string;
  datasetKey: string;
  /** Ids of the rows still on the estimate. */
  ids: string[];
}

export interface StorageUsage {
  /** Approximate bytes, measured when each batch was committed. */
  bytes: number;
  byShard: Record<string, number>;
}

export interface QuotaEstimate {
  usage: number;
  quota: number;
}

export interface TokenUpdate {
  id: string;
  tokens: TokenCounts;
}

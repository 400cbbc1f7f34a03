/**
 * The trajectory store: datasets, shard progress, full trajectories and feature columns in
 * IndexedDB (schema in ./schema.ts). Runs in a worker or on the main thread, and in Node over
 * fake-indexeddb for tests.
 */
import { openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { concatChunks, pendingTokenRows, setExactTokens, type FeatureTable } from '../../src/core/featureColumns';
import type { Trajectory } from '../../src/core/types';
import { describeShard, prepareBatch, writeBatch, type BatchStores } from './commit';
import { COMPACT_READ, COMPACT_ROWS, leadingGroup, mergeRecords } from './compaction';
import { StorageFullError, StoreClosedError, StoreError } from './errors';
import { estimateQuota, isQuotaError } from './quota';
import { issueAll } from './requests';
import type { ChunkRecord, CommitBatch, TrajectoryGroupRecord, DatasetInput, DatasetRecord, FeatureManifest, PendingTokenChunk, ShardInput, ShardRecord, StorageUsage, TokenUpdate } from './records';
import { chunksFrom, DB_NAME, DB_VERSION, parseChunkKey, prefixRange, rowsFrom, upgradeSchema, type TrajectoryDB } from './schema';
import { cleanDataset } from './source';

export interface OpenStoreOptions {
  /** Another tab needs a newer schema: this connection has closed itself; tell the user to reload. */
  onVersionChange?: () => void;
  /** Opening waits for other tabs on an older schema to close. */
  onBlocked?: () => void;
}

/**
 * Records deleted per transaction, so deleting 200k rows never holds the database for long.
 * Trajectory groups go as one range request per slice; chunks (fewer still) one request each.
 */
const DELETE_SLICE = { trajectories: 200, featureChunks: 200 } as const;

type Stores = StoreNames<TrajectoryDB>;
type Verb = 'read' | 'save' | 'delete';
type WriteTx<S extends Stores[]> = IDBPTransaction<TrajectoryDB, S, 'readwrite'>;

export async function openTrajectoryStore(dbName = DB_NAME, options: OpenStoreOptions = {}): Promise<TrajectoryStore> {
  let store: TrajectoryStore | undefined;
  let db: IDBPDatabase<TrajectoryDB>;
  try {
    db = await openDB<TrajectoryDB>(dbName, DB_VERSION, {
      // A failed step aborts the upgrade transaction, and openDB rejects with that error.
      upgrade: (database, oldVersion, _newVersion, tx) => void upgradeSchema(database, oldVersion, tx).catch(() => undefined),
      blocked: () => options.onBlocked?.(),
      blocking: () => {
        store?.close('another tab opened a newer version of Trajectory Explorer; reload this page');
        options.onVersionChange?.();
      },
      terminated: () => store?.close('the browser closed its storage (cleared, or out of space); reload this page'),
    });
  } catch (e) {
    throw openFailure(dbName, e);
  }
  store = new TrajectoryStore(db, dbName);
  return store;
}

export class TrajectoryStore {
  private closedBecause: string | undefined;

  constructor(
    private readonly db: IDBPDatabase<TrajectoryDB>,
    readonly dbName: string,
  ) {}

  close(reason = 'the store was closed'): void {
    this.closedBecause ??= reason;
    this.db.close();
  }

  async putDataset(input: DatasetInput): Promise<DatasetRecord> {
    let record: DatasetRecord | undefined;
    await this.write(['datasets'], `dataset ${input.key}`, async (tx) => {
      const now = Date.now();
      const datasets = tx.objectStore('datasets');
      const stored = await datasets.get(input.key);
      record = cleanDataset(input, stored?.created ?? now, now);
      await datasets.put(record);
    });
    return record as DatasetRecord;
  }

  getDataset(key: string): Promise<DatasetRecord | undefined> {
    return this.read(`dataset ${key}`, () => this.db.get('datasets', key));
  }

  listDatasets(): Promise<DatasetRecord[]> {
    return this.read('the list of datasets', () => this.db.getAll('datasets'));
  }

  /**
   * Removes a dataset and everything of it, a bounded transaction at a time; the dataset record
   * goes last, so an interrupted delete leaves it listed and a second call finishes the job.
   */
  async deleteDataset(key: string): Promise<void> {
    const range = prefixRange(key);
    await this.deleteTrajectories(range, `trajectories of dataset ${key}`);
    await this.deleteChunks('byDataset', range, `feature columns of dataset ${key}`);
    await this.write(
      ['shards', 'datasets'],
      `dataset ${key}`,
      async (tx) => {
        const shards = tx.objectStore('shards');
        const keys = await shards.index('byDataset').getAllKeys(key);
        await issueAll([...keys.map((k) => () => shards.delete(k)), () => tx.objectStore('datasets').delete(key)]);
      },
      'delete',
    );
  }

  /** Adds or updates shard plans and states; a known shard keeps its stored progress. */
  async putShards(shards: ShardInput[]): Promise<void> {
    if (shards.length === 0) return;
    await this.write(['datasets', 'shards'], `shards of dataset ${shards[0]?.datasetKey}`, async (tx) => {
      const store = tx.objectStore('shards');
      for (const datasetKey of new Set(shards.map((s) => s.datasetKey))) {
        if (!(await tx.objectStore('datasets').getKey(datasetKey))) throw new StoreError(`Cannot add shards to dataset ${datasetKey}: it is not in the store (add it with putDataset first).`);
      }
      const stored = await Promise.all(shards.map((s) => store.get(s.key)));
      await issueAll(shards.map((s, i) => () => store.put(mergeShard(s, stored[i]))));
    });
  }

  getShards(datasetKey: string): Promise<ShardRecord[]> {
    return this.read(`shards of dataset ${datasetKey}`, () => this.db.getAllFromIndex('shards', 'byDataset', datasetKey));
  }

  getShard(shardKey: string): Promise<ShardRecord | undefined> {
    return this.read(`shard ${shardKey}`, () => this.db.get('shards', shardKey));
  }

  /**
   * Writes a batch's trajectories, its feature chunk and the shard's progress in ONE transaction.
   * The batch is shard rows `[firstRow, shard.rowsDone)`; whatever the shard held from `firstRow`
   * on is replaced. Throws `StorageFullError` when the browser is out of space (nothing of the
   * batch is kept, earlier batches are untouched).
   */
  async commitBatch(batch: CommitBatch): Promise<void> {
    const prepared = prepareBatch(batch);
    const stores: BatchStores = ['shards', 'trajectories', 'featureChunks'];
    await this.write(stores, prepared.what, (tx) => writeBatch(tx, prepared));
  }

  /** Forgets a shard's rows to read it again: progress to 0 first, then its rows in bounded transactions. */
  async resetShard(shardKey: string): Promise<void> {
    let shard: ShardRecord | undefined;
    await this.write(['shards'], `shard ${shardKey}`, async (tx) => {
      const shards = tx.objectStore('shards');
      shard = await shards.get(shardKey);
      if (!shard) throw new StoreError(`Cannot reset shard ${shardKey}: it is not in the store.`);
      await shards.put(resetProgress(shard));
    });
    const { datasetKey } = shard as ShardRecord;
    const label = describeShard(shard as ShardRecord);
    await this.deleteTrajectories(rowsFrom(datasetKey, shardKey, 0), `trajectories of ${label}`);
    await this.deleteChunks('byShard', chunksFrom(shardKey, 0), `feature columns of ${label}`);
  }

  async getTrajectory(datasetKey: string, id: string): Promise<Trajectory | undefined> {
    const group = await this.read(`trajectory ${id} of dataset ${datasetKey}`, () => this.db.getFromIndex('trajectories', 'byId', [datasetKey, id]));
    return group && memberOf(group, id);
  }

  /** Several trajectories in one transaction (a token worker, an export); undefined where an id is unknown. */
  async getTrajectories(datasetKey: string, ids: string[]): Promise<(Trajectory | undefined)[]> {
    return this.read(`${ids.length} trajectories of dataset ${datasetKey}`, async () => {
      const store = this.db.transaction('trajectories').store;
      // Ids of one group are read once: a group is deserialized whole.
      const groups = new Map<string, Promise<TrajectoryGroupRecord | undefined>>();
      const groupOf = async (id: string) => {
        const key = await store.index('byId').getKey([datasetKey, id]);
        if (!key) return undefined;
        const name = JSON.stringify(key);
        if (!groups.has(name)) groups.set(name, store.get(key));
        return groups.get(name);
      };
      return Promise.all(ids.map(async (id) => {
        const group = await groupOf(id);
        return group && memberOf(group, id);
      }));
    });
  }

  /** A page of a dataset's trajectories in shard and row order. */
  async trajectoriesOf(datasetKey: string, { offset = 0, limit = 100 }: { offset?: number; limit?: number } = {}): Promise<Trajectory[]> {
    return this.read(`trajectories ${offset}–${offset + limit - 1} of dataset ${datasetKey}`, async () => {
      const store = this.db.transaction('trajectories').store;
      const page: Trajectory[] = [];
      let skip = offset;
      for (let cursor = await store.openCursor(prefixRange(datasetKey)); cursor && page.length < limit; cursor = await cursor.continue()) {
        const members = cursor.value.trajectories;
        page.push(...members.slice(skip, skip + limit - page.length));
        skip = Math.max(0, skip - members.length);
      }
      return page;
    });
  }

  /** Counted from the id index, which has an entry per trajectory (the store has one per group). */
  countTrajectories(datasetKey: string): Promise<number> {
    return this.read(`trajectories of dataset ${datasetKey}`, () => this.db.countFromIndex('trajectories', 'byId', prefixRange(datasetKey)));
  }

  /**
   * All of a dataset's feature columns as one table, in shard and row order (one getAll over the
   * chunk index). Chunks past a shard's progress, left by an interrupted reset, are not rows of it.
   */
  async loadFeatureTable(datasetKey: string): Promise<FeatureTable> {
    return concatChunks((await this.featureChunks(datasetKey)).map((r) => r.chunk));
  }

  /**
   * A dataset's feature chunk records: all of them in shard and row order, or those with the given
   * keys in the order given (a key no longer stored, or of another dataset, is left out). Chunks
   * past their shard's progress are never returned.
   */
  async featureChunks(datasetKey: string, keys?: string[]): Promise<ChunkRecord[]> {
    return this.read(`feature columns of dataset ${datasetKey}`, async () => {
      const tx = this.db.transaction(['featureChunks', 'shards']);
      const chunkStore = tx.objectStore('featureChunks');
      const [chunks, shards] = await Promise.all([
        keys ? Promise.all(keys.map((k) => chunkStore.get(k))) : chunkStore.index('byDataset').getAll(prefixRange(datasetKey)),
        tx.objectStore('shards').index('byDataset').getAll(datasetKey),
      ]);
      const progress = new Map(shards.map((s) => [s.key, s.rowsDone]));
      return chunks.filter((c): c is ChunkRecord => c !== undefined && c.datasetKey === datasetKey && c.rowEnd <= (progress.get(c.shardKey) ?? -1));
    });
  }

  /**
   * What a dataset's feature columns consist of, read from keys alone (no chunk is deserialized):
   * a reader that holds the table in memory compares it with what it has and loads only what
   * changed. Undefined when the dataset is not stored.
   */
  async featureManifest(datasetKey: string): Promise<FeatureManifest | undefined> {
    return this.read(`the feature chunk list of dataset ${datasetKey}`, async () => {
      const tx = this.db.transaction(['datasets', 'shards', 'featureChunks']);
      const chunks = tx.objectStore('featureChunks');
      const [dataset, shards, keys, pending] = await Promise.all([
        tx.objectStore('datasets').get(datasetKey),
        tx.objectStore('shards').index('byDataset').getAll(datasetKey),
        chunks.index('byDataset').getAllKeys(prefixRange(datasetKey)),
        chunks.index('pendingTokens').getAllKeys(IDBKeyRange.bound([datasetKey, 1], [datasetKey, Infinity])),
      ]);
      if (!dataset) return undefined;
      const progress = Object.fromEntries(shards.map((s) => [s.key, s.rowsDone]));
      return { updated: dataset.updated, progress, chunks: keys.map(parseChunkKey), pending };
    });
  }


  /** Chunks with rows still on the len/4 token estimate, at most `limit` of them. */
  async pendingTokenChunks(datasetKey: string, limit?: number): Promise<PendingTokenChunk[]> {
    const range = IDBKeyRange.bound([datasetKey, 1], [datasetKey, Infinity]);
    const records = await this.read(`chunks pending token counts in dataset ${datasetKey}`, () => this.db.getAllFromIndex('featureChunks', 'pendingTokens', range, limit));
    return records.map((r) => ({ chunkKey: r.key, datasetKey: r.datasetKey, ids: pendingTokenRows(r.chunk).map((i) => r.chunk.ids[i] ?? '') }));
  }

  /**
   * Replaces estimates with exact counts. Resolves false when the chunk is gone (its shard was reset
   * or its dataset deleted meanwhile); an id the chunk does not hold is an error.
   */
  async updateChunkTokens(chunkKey: string, updates: TokenUpdate[]): Promise<boolean> {
    let found = false;
    await this.write(['featureChunks'], `exact token counts of feature chunk ${chunkKey}`, async (tx) => {
      const chunks = tx.objectStore('featureChunks');
      const record = await chunks.get(chunkKey);
      if (!record) return;
      applyTokens(record, updates);
      await chunks.put(record);
      found = true;
    });
    return found;
  }

  /**
   * Merges a shard's per-batch chunks into chunks of up to `targetRows` rows, a group per
   * transaction, so its dataset's feature table loads several times faster. Call it when a shard
   * is done; rows, tokens and usage are unchanged. Resolves with the shard's chunk count.
   */
  async compactShard(shardKey: string, targetRows = COMPACT_ROWS): Promise<number> {
    let chunks = 0;
    for (let from = await this.compactGroup(shardKey, 0, targetRows); from !== undefined; from = await this.compactGroup(shardKey, from, targetRows)) chunks++;
    return chunks;
  }

  /** Merges the chunks that start at row `from` into one; resolves with the row after them, undefined past the last. */
  private async compactGroup(shardKey: string, from: number, targetRows: number): Promise<number | undefined> {
    let next: number | undefined;
    await this.write(['featureChunks'], `feature columns of shard ${shardKey} from row ${from}`, async (tx) => {
      const store = tx.objectStore('featureChunks');
      const group = leadingGroup(await store.index('byShard').getAll(chunksFrom(shardKey, from), COMPACT_READ), targetRows);
      const end = group[group.length - 1]?.rowEnd;
      next = end !== undefined && end > from ? end : undefined;
      if (group.length > 1) await issueAll([...group.map((r) => () => store.delete(r.key)), () => store.put(mergeRecords(group))]);
    });
    return next;
  }

  /** Approximate bytes a dataset takes, from the sizes recorded at commit time. */
  async usage(datasetKey: string): Promise<StorageUsage> {
    const shards = await this.getShards(datasetKey);
    return {
      bytes: shards.reduce((sum, s) => sum + s.bytesStored, 0),
      byShard: Object.fromEntries(shards.map((s) => [s.key, s.bytesStored])),
    };
  }

  /** A key range of trajectory groups, a slice per transaction: the slice's first to last key in one request. */
  private async deleteTrajectories(range: IDBKeyRange, what: string): Promise<void> {
    for (let more = true; more; ) {
      await this.write(
        ['trajectories'],
        what,
        async (tx) => {
          const keys = await tx.objectStore('trajectories').getAllKeys(range, DELETE_SLICE.trajectories);
          const [first, last] = [keys[0], keys[keys.length - 1]];
          if (first && last) await tx.objectStore('trajectories').delete(IDBKeyRange.bound(first, last));
          more = keys.length === DELETE_SLICE.trajectories;
        },
        'delete',
      );
    }
  }

  private async deleteChunks(index: 'byDataset' | 'byShard', range: IDBKeyRange, what: string): Promise<void> {
    for (let more = true; more; ) {
      await this.write(
        ['featureChunks'],
        what,
        async (tx) => {
          const chunks = tx.objectStore('featureChunks');
          const keys = await chunks.index(index).getAllKeys(range, DELETE_SLICE.featureChunks);
          await issueAll(keys.map((k) => () => chunks.delete(k)));
          more = keys.length === DELETE_SLICE.featureChunks;
        },
        'delete',
      );
    }
  }

  /** One readwrite transaction; any failure aborts it whole and surfaces as a StoreError naming `what`. */
  private async write<S extends Stores[]>(stores: S, what: string, body: (tx: WriteTx<S>) => Promise<void>, verb: Verb = 'save'): Promise<void> {
    const tx = this.transaction(stores, 'readwrite');
    const done = tx.done;
    try {
      await body(tx);
      await done;
    } catch (e) {
      abortQuietly(tx);
      await done.catch(() => undefined);
      throw await this.failure(what, e instanceof StoreError ? e : (tx.error ?? e), verb);
    }
  }

  private async read<T>(what: string, body: () => Promise<T>): Promise<T> {
    this.checkOpen();
    try {
      return await body();
    } catch (e) {
      throw await this.failure(what, e, 'read');
    }
  }

  private transaction<S extends Stores[]>(stores: S, mode: 'readwrite'): WriteTx<S> {
    this.checkOpen();
    try {
      return this.db.transaction(stores, mode);
    } catch (e) {
      // The browser closed the connection without telling us (storage cleared from DevTools, say).
      throw new StoreClosedError(`Browser storage is closed (${reasonOf(e)}); reload this page.`);
    }
  }

  private checkOpen(): void {
    if (this.closedBecause) throw new StoreClosedError(`Browser storage is closed: ${this.closedBecause}.`);
  }

  private async failure(what: string, e: unknown, verb: Verb): Promise<StoreError> {
    if (e instanceof StoreError) return e;
    if (isQuotaError(e)) {
      const estimate = await estimateQuota();
      return new StorageFullError(what, estimate?.usage, estimate?.quota);
    }
    if (this.closedBecause) return new StoreClosedError(`Could not ${verb} ${what}: browser storage was closed (${this.closedBecause}).`);
    if (e instanceof Error && e.name === 'ConstraintError') {
      return new StoreError(`Could not ${verb} ${what}: a trajectory id in it is already stored at another row of the dataset (ids must be unique within a dataset).`);
    }
    if (isAbort(e)) return new StoreError(`Could not ${verb} ${what}: the transaction was aborted before it finished${verb === 'read' ? '.' : ' and changed nothing, so it is safe to run again.'}`);
    return new StoreError(`Could not ${verb} ${what}: ${reasonOf(e)}`);
  }
}

function mergeShard(input: ShardInput, stored: ShardRecord | undefined): ShardRecord {
  if (stored && stored.datasetKey !== input.datasetKey) throw new StoreError(`Shard ${input.key} belongs to dataset ${stored.datasetKey}, not ${input.datasetKey}.`);
  const shard: ShardRecord = {
    key: input.key,
    datasetKey: input.datasetKey,
    config: input.config,
    split: input.split,
    path: input.path,
    size: input.size,
    state: input.state,
    rowsDone: stored?.rowsDone ?? 0,
    bytesDone: stored?.bytesDone ?? 0,
    errors: stored?.errors ?? 0,
    errorSamples: stored?.errorSamples ?? [],
    bytesStored: stored?.bytesStored ?? 0,
  };
  copyDefined(shard, { etag: input.etag, rowsTotal: input.rowsTotal, rowLimit: input.rowLimit, error: input.error, format: input.format });
  return shard;
}

function resetProgress(stored: ShardRecord): ShardRecord {
  const { error: _cleared, ...rest } = stored;
  return { ...rest, rowsDone: 0, bytesDone: 0, errors: 0, errorSamples: [], bytesStored: 0, state: 'pending' };
}

function applyTokens(record: ChunkRecord, updates: TokenUpdate[]): void {
  const { chunk } = record;
  const rowOf = new Map(chunk.ids.map((id, i) => [id, i]));
  for (const { id, tokens } of updates) {
    const i = rowOf.get(id);
    if (i === undefined) throw new StoreError(`Cannot set token counts of ${id}: feature chunk ${record.key} has no such row.`);
    setExactTokens(chunk, i, tokens);
  }
  record.tokensPending = pendingTokenRows(chunk).length;
}

function copyDefined<T extends object>(target: T, values: Partial<T>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted by the browser: nothing left to undo.
  }
}

function isAbort(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || e.name === 'TransactionInactiveError');
}

function reasonOf(e: unknown): string {
  if (e instanceof Error || e instanceof DOMException) return `${e.name}: ${e.message}`;
  return String(e);
}

function openFailure(dbName: string, e: unknown): StoreError {
  if (e instanceof DOMException && e.name === 'VersionError') {
    return new StoreError(`Browser storage "${dbName}" was written by a newer version of Trajectory Explorer (this one reads schema ${DB_VERSION}); reload to get the newer version.`);
  }
  return new StoreError(`Could not open browser storage "${dbName}": ${reasonOf(e)}`);
}

function memberOf(group: TrajectoryGroupRecord, id: string): Trajectory | undefined {
  return group.trajectories.find((t) => t.id === id);
}

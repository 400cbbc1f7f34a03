/**
 * One dataset's feature table held in the query worker, kept current with the store: a refresh
 * reads the chunk manifest (keys only) and loads just the new chunks and the re-counted ones,
 * falling back to a full reload when the stored rows changed in any other way.
 */
import { concatChunks, type FeatureTable } from '../../src/core/featureColumns';
import { copyTokens, GrowingTable, TableQuery } from '../../src/core/query';
import { StoreError, type ChunkRecord, type FeatureManifest, type TrajectoryStore } from '../store';
import type { RefreshResult, TableInfo } from './queryApi';
import { planRefresh, type HeldChunk, type HeldState } from './refreshPlan';

export class DatasetTable {
  private tokensPendingCount: number | undefined;
  /** Where appended chunks go, made on the first append (a dataset that is not being ingested never needs one). */
  private growing: GrowingTable | undefined;

  private constructor(
    readonly datasetKey: string,
    private held: HeldState,
    private table: FeatureTable,
    private current: TableQuery,
    private revision: number,
  ) {}

  static async load(store: TrajectoryStore, datasetKey: string, revision = 1): Promise<DatasetTable> {
    const manifest = await manifestOf(store, datasetKey);
    const progress = manifest.progress;
    // The same rule as the manifest's: a chunk committed after it was read waits for the next refresh.
    const records = (await store.featureChunks(datasetKey)).filter((r) => r.firstRow < (progress[r.shardKey] ?? 0));
    const table = concatChunks(records.map((r) => r.chunk));
    return new DatasetTable(datasetKey, { updated: manifest.updated, progress, chunks: heldChunks(records, 0) }, table, new TableQuery(table), revision);
  }

  get query(): TableQuery {
    return this.current;
  }

  info(): TableInfo {
    this.tokensPendingCount ??= this.table.tokensExact.reduce((sum, exact) => sum + (exact === 0 ? 1 : 0), 0);
    return { datasetKey: this.datasetKey, rows: this.table.n, revision: this.revision, tokensPending: this.tokensPendingCount, extraColumns: this.current.q.extraDescriptors() };
  }

  /** Brings the table up to date; `reload` is the replacement when only a full reload can. */
  async refresh(store: TrajectoryStore): Promise<{ table: DatasetTable; result: RefreshResult }> {
    const manifest = await manifestOf(store, this.datasetKey);
    const plan = planRefresh(this.held, manifest);
    if (plan.kind === 'unchanged') return { table: this, result: { ...this.info(), change: 'unchanged', rowsAdded: 0, rowsRecounted: 0 } };
    if (plan.kind === 'incremental') {
      const records = await store.featureChunks(this.datasetKey, [...plan.added, ...plan.recounted.map((c) => c.key)]);
      const applied = this.apply(manifest, plan.added, plan.recounted, records);
      if (applied) return { table: this, result: { ...this.info(), change: 'incremental', ...applied } };
    }
    const reloaded = await DatasetTable.load(store, this.datasetKey, this.revision + 1);
    const reason = plan.kind === 'reload' ? plan.reason : 'chunks changed while they were read';
    return { table: reloaded, result: { ...reloaded.info(), change: 'reloaded', reason, rowsAdded: reloaded.table.n - this.table.n, rowsRecounted: 0 } };
  }

  /** False (and nothing changed) when the records are not the ones planned on: the store moved meanwhile. */
  private apply(manifest: FeatureManifest, added: string[], recounted: HeldChunk[], records: ChunkRecord[]): { rowsAdded: number; rowsRecounted: number } | false {
    const byKey = new Map(records.map((r) => [r.key, r]));
    const fresh = added.map((key) => byKey.get(key));
    const counted = recounted.map((c) => ({ held: c, record: byKey.get(c.key) }));
    if (fresh.some((r) => !r) || counted.some(({ held, record }) => !record || !this.holdsRows(held, record))) return false;
    for (const { held, record } of counted) {
      copyTokens(this.table, held.offset, (record as ChunkRecord).chunk);
      held.pending = (record as ChunkRecord).tokensPending > 0;
    }
    const appended = fresh as ChunkRecord[];
    const rowsAdded = appended.reduce((sum, r) => sum + r.chunk.n, 0);
    if (appended.length) {
      this.held.chunks.push(...heldChunks(appended, this.table.n));
      this.growing ??= new GrowingTable(this.table);
      this.table = this.growing.append(appended.map((r) => r.chunk));
    }
    this.held.progress = manifest.progress;
    this.current = new TableQuery(this.table);
    this.tokensPendingCount = undefined;
    this.revision++;
    return { rowsAdded, rowsRecounted: counted.reduce((sum, c) => sum + c.held.n, 0) };
  }

  /** The re-read chunk holds the same rows as the one in the table (not a re-ingest under the same key). */
  private holdsRows(held: HeldChunk, record: ChunkRecord): boolean {
    const { ids } = record.chunk;
    return ids.length === held.n && ids.every((id, k) => this.table.ids[held.offset + k] === id);
  }
}

async function manifestOf(store: TrajectoryStore, datasetKey: string): Promise<FeatureManifest> {
  const manifest = await store.featureManifest(datasetKey);
  if (!manifest) throw new StoreError(`Dataset ${datasetKey} is not in this browser's storage (it may have been removed).`);
  return manifest;
}

function heldChunks(records: ChunkRecord[], offset: number): HeldChunk[] {
  let at = offset;
  return records.map((r) => {
    const chunk = { key: r.key, offset: at, n: r.chunk.n, pending: r.tokensPending > 0 };
    at += r.chunk.n;
    return chunk;
  });
}

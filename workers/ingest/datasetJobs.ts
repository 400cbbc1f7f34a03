import type { ByteSource } from '../../src/core/decode/types';
import { encodeFeatures } from '../../src/core/featureColumns';
import { chunkKeyOf, MAX_ERROR_SAMPLES, shardKeyOf, StorageFullError, type DatasetRecord, type ShardInput, type ShardRecord, type TrajectoryStore } from '../store';
import type { DatasetStatus, HubIngestRequest, IngestMode, LocalFile, LocalIngestRequest } from '../datasetsApi';
import { DEFAULT_ENDPOINT } from '../datasetsApi';
import { datasetStatus } from './datasetStatus';
import { ingestShard, type ShardBatch } from './ingestShard';
import { RateMeter } from './rate';
import { readingOrder, rowLimits } from './sampleBudget';
import { TokenBackfill, type TokenCounter } from './tokenBackfill';

/** Secrets for one run, held in memory only while it lasts. */
export interface RunSecrets {
  token?: string;
}

export interface JobDeps {
  store: TrajectoryStore;
  counter: TokenCounter;
  /** Opens a shard's bytes; local files come from what the user handed over this session. */
  openShard(dataset: DatasetRecord, shard: ShardRecord, secrets: RunSecrets): Promise<ByteSource>;
  now(): number;
}

interface Running {
  abort: AbortController;
  meter: RateMeter;
  done: Promise<void>;
}

const PROGRESS_EVERY_MS = 200;

/**
 * Every dataset ingest in this worker: start, pause, resume, delete, and the status the UI shows.
 * Shards are read one after another per dataset; token counting runs beside them on the pool.
 */
export class DatasetJobs {
  private running = new Map<string, Running>();
  private messages = new Map<string, string>();
  private listeners = new Set<(all: DatasetStatus[]) => void>();
  private emitTimer: ReturnType<typeof setTimeout> | undefined;
  private lastEmit = -Infinity;
  readonly tokens: TokenBackfill;
  /** Files handed over this session, by dataset key and path. */
  private localFiles = new Map<string, Map<string, File>>();

  constructor(private readonly deps: JobDeps) {
    this.tokens = new TokenBackfill(deps.store, deps.counter, () => this.changed(), (key, message) => this.fail(key, message));
  }

  files(datasetKey: string): Map<string, File> | undefined {
    return this.localFiles.get(datasetKey);
  }

  async startHub({ target, plan, selection, mode }: HubIngestRequest): Promise<string> {
    const endpoint = (target.endpoint ?? DEFAULT_ENDPOINT).replace(/\/+$/, '');
    const key = plan.via === 'url' ? `url|${plan.repo}` : hubDatasetKey(endpoint, plan.repo, plan.revision);
    const chosen = new Set(selection.map((s) => `${s.config}\u0000${s.split}`));
    const files = plan.configs.flatMap((c) =>
      c.splits.filter((s) => chosen.has(`${c.name}\u0000${s.name}`)).flatMap((s) => s.files.map((f) => ({ config: c.name, split: s.name, path: f.path, size: f.size, rowsTotal: f.rows }))),
    );
    if (files.length === 0) throw new Error(`Nothing to load: choose at least one config and split of ${plan.repo}.`);
    await this.replaceIfChanged(key, plan.commit, mode);
    const source = plan.via === 'url' ? { kind: 'url' as const, url: plan.repo } : { kind: 'hub' as const, repo: plan.repo, revision: plan.revision, endpoint };
    await this.deps.store.putDataset({ key, source, ...(plan.commit ? { commit: plan.commit } : {}), ...modeFields(mode), selection });
    await this.addShards(key, files);
    this.run(key, target.token === undefined ? {} : { token: target.token });
    return key;
  }

  async startLocal({ label, files, mode }: LocalIngestRequest): Promise<string> {
    const key = `local|${label}`;
    const byPath = new Map(files.map((f) => [f.path, f.file]));
    await this.replaceIfChanged(key, undefined, mode, byPath);
    this.localFiles.set(key, byPath);
    await this.deps.store.putDataset({ key, source: { kind: 'local', label }, ...modeFields(mode), selection: [] });
    await this.addShards(key, [...byPath].map(([path, f]) => ({ config: '', split: '', path, size: f.size, rowsTotal: null })));
    this.run(key, {});
    return key;
  }

  /** Hands the files of a local dataset over again after a reload, and resumes it. */
  async reattach(datasetKey: string, files: LocalFile[]): Promise<void> {
    const shards = await this.deps.store.getShards(datasetKey);
    const byPath = new Map<string, File>();
    for (const s of shards) {
      // A file picked on its own has only its name; a folder pick gives the same relative paths.
      const file = files.find((f) => f.path === s.path) ?? files.find((f) => f.file.name === s.path.split('/').pop() && f.file.size === s.size);
      if (file) byPath.set(s.path, file.file);
    }
    if (byPath.size === 0) throw new Error(`None of the ${files.length} files opened belongs to this dataset (same name and size as one of its ${shards.length} files).`);
    this.localFiles.set(datasetKey, byPath);
    await this.resume(datasetKey, {});
  }

  async pause(key: string): Promise<void> {
    const r = this.running.get(key);
    if (!r) return;
    r.abort.abort();
    await r.done;
  }

  async resume(key: string, secrets: RunSecrets): Promise<void> {
    if (this.running.has(key)) return;
    const shards = await this.deps.store.getShards(key);
    const retry = shards.filter((s) => s.state === 'error' || s.state === 'paused' || s.state === 'running');
    if (retry.length) await this.deps.store.putShards(retry.map((s) => ({ ...withoutError(inputOf(s)), state: 'pending' })));
    this.messages.delete(key);
    this.run(key, secrets);
  }

  async remove(key: string): Promise<void> {
    await this.pause(key);
    this.tokens.forget(key);
    this.localFiles.delete(key);
    this.messages.delete(key);
    await this.deps.store.deleteDataset(key);
    this.changed();
  }

  async statuses(): Promise<DatasetStatus[]> {
    const datasets = await this.deps.store.listDatasets();
    const all = await Promise.all(
      datasets.map(async (d) =>
        datasetStatus(d, await this.deps.store.getShards(d.key), {
          running: this.running.has(d.key),
          rates: this.running.get(d.key)?.meter,
          message: this.messages.get(d.key),
          tokensPending: this.tokens.pending(d.key),
          hasFiles: this.localFiles.has(d.key),
        }),
      ),
    );
    return all.sort((a, b) => b.created - a.created);
  }

  watch(listener: (all: DatasetStatus[]) => void): void {
    this.listeners.add(listener);
    void this.statuses().then(listener);
  }

  /** After a reload: queue the token counts that never got written. */
  async recoverTokens(): Promise<void> {
    for (const d of await this.deps.store.listDatasets()) await this.tokens.recover(d.key);
  }

  private run(key: string, secrets: RunSecrets): void {
    const abort = new AbortController();
    const meter = new RateMeter();
    const entry: Running = { abort, meter, done: Promise.resolve() };
    this.running.set(key, entry);
    this.tokens.setStoring(true);
    entry.done = this.readShards(key, secrets, entry)
      .catch((e: unknown) => this.fail(key, e instanceof Error ? e.message : String(e)))
      .finally(() => {
        this.running.delete(key);
        this.tokens.setStoring(this.running.size > 0);
        this.changed();
      });
    this.changed();
  }

  private async readShards(key: string, secrets: RunSecrets, { abort, meter }: Running): Promise<void> {
    const dataset = await this.deps.store.getDataset(key);
    if (!dataset) throw new Error(`Dataset ${key} is no longer stored.`);
    const totals = { rows: 0, bytes: 0 };
    meter.add(this.deps.now(), 0, 0);
    for (;;) {
      if (abort.signal.aborted) return;
      const shards = readingOrder(await this.deps.store.getShards(key));
      const shard = shards.find((s) => s.state === 'pending' || s.state === 'running');
      if (!shard) {
        // In the background: the dataset is loaded now, whatever the token pool still has to do.
        void this.compact(shards).catch((e: unknown) => this.fail(key, `Could not compact the stored feature columns: ${e instanceof Error ? e.message : String(e)}`));
        return;
      }
      const limit = dataset.mode === 'sample' ? rowLimits(shards, dataset.sampleRows).get(shard.key) : undefined;
      await this.setShard(shard, { state: 'running', ...(limit !== undefined ? { rowLimit: limit } : {}) });
      const stop = await this.readShard(dataset, { ...shard, ...(limit !== undefined ? { rowLimit: limit } : {}) }, secrets, abort.signal, (rows, bytes) => {
        totals.rows += rows;
        totals.bytes += bytes;
        meter.add(this.deps.now(), totals.rows, totals.bytes);
        this.changed();
      });
      if (stop) return;
    }
  }

  /**
   * Merges a finished dataset's per-batch chunks into few large ones, so opening it loads a
   * handful of records instead of thousands. Waits for the token counts first: they are written
   * to chunks by key, and merging renames them.
   */
  private async compact(shards: ShardRecord[]): Promise<void> {
    await this.tokens.idle();
    for (const s of shards) if (s.state === 'done') await this.deps.store.compactShard(s.key);
  }

  /** Reads one shard; true when the whole dataset must stop (paused, or storage full). */
  private async readShard(dataset: DatasetRecord, shard: ShardRecord, secrets: RunSecrets, signal: AbortSignal, onBatch: (rows: number, bytes: number) => void): Promise<boolean> {
    // Committed with every batch: a page that closes mid-shard leaves it `running`, i.e. interrupted.
    const progress: ShardRecord = { ...shard, state: 'running' };
    let lastBytes = 0;
    // The bookkeeping happens before the await: the next batch's commit may start meanwhile.
    const commit = async (b: ShardBatch) => {
      const firstRow = progress.rowsDone;
      const bytes = b.bytesRead - lastBytes;
      lastBytes = b.bytesRead;
      progress.rowsDone = b.nextRow;
      progress.bytesDone += bytes;
      progress.errors += b.errors.length;
      progress.errorSamples = [...progress.errorSamples, ...b.errors].slice(0, MAX_ERROR_SAMPLES);
      progress.format = b.detection.format;
      if (b.detection.warning) this.messages.set(dataset.key, `${shard.path}: ${b.detection.warning}`);
      const trajectories = b.items.map((it) => it.trajectory);
      const chunk = encodeFeatures(b.items.map((it) => ({ id: it.trajectory.id, row: it.row, features: it.features, extra: it.trajectory.extra, ...(it.trajectory.instanceId !== undefined ? { instanceId: it.trajectory.instanceId } : {}) })));
      await this.deps.store.commitBatch({ shard: withoutStored(progress), firstRow, trajectories, chunk });
      onBatch(b.items.length + b.errors.length, bytes);
      this.tokens.enqueue(dataset.key, chunkKeyOf(shard.key, firstRow), trajectories);
    };
    try {
      const result = await ingestShard({
        cursor: { source: dataset.source.kind === 'hub' ? dataset.source.repo : dataset.source.kind === 'local' ? dataset.source.label : dataset.source.url, config: shard.config, split: shard.split, path: shard.path, rowsDone: shard.rowsDone, ...(shard.rowLimit !== undefined ? { rowLimit: shard.rowLimit } : {}), ...(shard.format ? { format: shard.format } : {}) },
        open: () => this.deps.openShard(dataset, shard, secrets),
        commit,
        signal,
      });
      await this.setShard(progress, { state: result === 'done' ? 'done' : 'paused' });
      return result === 'aborted';
    } catch (e) {
      if (e instanceof StorageFullError) {
        this.messages.set(dataset.key, e.message);
        await this.setShard(progress, { state: 'paused' });
        return true;
      }
      if (signal.aborted) {
        await this.setShard(progress, { state: 'paused' });
        return true;
      }
      await this.setShard(progress, { state: 'error', error: shardError(shard.path, e) });
      return false;
    }
  }

  private async setShard(shard: ShardRecord, change: Partial<ShardInput>): Promise<void> {
    await this.deps.store.putShards([{ ...inputOf(shard), ...change }]);
    this.changed();
  }

  /** A changed commit, mode or set of files makes the stored rows another dataset's: start over. */
  private async replaceIfChanged(key: string, commit: string | undefined, mode: IngestMode, files?: Map<string, File>): Promise<void> {
    const existing = await this.deps.store.getDataset(key);
    if (!existing) return;
    await this.pause(key);
    const shards = await this.deps.store.getShards(key);
    const sameMode = existing.mode === mode.kind && (mode.kind === 'full' || existing.sampleRows === mode.rows);
    for (const s of shards) {
      const file = files?.get(s.path);
      const stale = existing.commit !== commit || !sameMode || (files !== undefined && (!file || file.size !== s.size));
      if (stale) await this.deps.store.resetShard(s.key);
    }
  }

  private async addShards(key: string, files: { config: string; split: string; path: string; size: number; rowsTotal: number | null }[]): Promise<void> {
    const stored = new Map((await this.deps.store.getShards(key)).map((s) => [s.key, s]));
    await this.deps.store.putShards(
      files.map((f) => {
        const shardKey = shardKeyOf(key, f.config, f.split, f.path);
        const old = stored.get(shardKey);
        const state = old?.state === 'done' && old.rowsDone > 0 ? 'done' : 'pending';
        return { key: shardKey, datasetKey: key, config: f.config, split: f.split, path: f.path, size: f.size, rowsTotal: f.rowsTotal, state, ...(old?.format ? { format: old.format } : {}) };
      }),
    );
  }

  private fail(key: string, message: string): void {
    this.messages.set(key, message);
    this.changed();
  }

  /**
   * Status pushes are throttled, since a fast ingest commits many batches a second, but the first
   * change after a quiet spell goes out at once: the first stored rows should show without delay.
   */
  private changed(): void {
    if (this.emitTimer !== undefined || this.listeners.size === 0) return;
    const wait = Math.max(0, this.lastEmit + PROGRESS_EVERY_MS - this.deps.now());
    this.emitTimer = setTimeout(() => {
      this.emitTimer = undefined;
      this.lastEmit = this.deps.now();
      void this.statuses().then((all) => this.listeners.forEach((l) => l(all)));
    }, wait);
  }
}

export function hubDatasetKey(endpoint: string, repo: string, revision: string): string {
  return `hub|${endpoint}|${repo}@${revision}`;
}

function modeFields(mode: IngestMode): { mode: 'sample' | 'full'; sampleRows: number } {
  return mode.kind === 'sample' ? { mode: 'sample', sampleRows: mode.rows } : { mode: 'full', sampleRows: 0 };
}

function inputOf(s: ShardRecord): ShardInput {
  const { rowsDone: _r, bytesDone: _b, errors: _e, errorSamples: _s, bytesStored: _st, ...input } = s;
  return input;
}

function withoutError(s: ShardInput): ShardInput {
  const { error: _, ...rest } = s;
  return rest;
}

function withoutStored(s: ShardRecord): Omit<ShardRecord, 'bytesStored'> {
  const { bytesStored: _, ...rest } = s;
  return rest;
}

function shardError(path: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.includes(path) ? message : `${path}: ${message}`;
}

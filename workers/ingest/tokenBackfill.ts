import type { Trajectory } from '../../src/core/types';
import type { TrajectoryStore } from '../store';
import { tokenInput, type TokenInput, type TokenTotals } from '../tokens/tokenJob';

export interface TokenCounter {
  readonly size: number;
  /** Counts at once while a dataset's rows are being stored. */
  readonly sizeWhileStoring: number;
  count(inputs: TokenInput[]): Promise<TokenTotals[]>;
}

interface Job {
  datasetKey: string;
  chunkKey: string;
  ids: string[];
  /** The texts, while few jobs hold theirs; otherwise read back from the store when the job runs. */
  inputs?: TokenInput[];
}

/**
 * Exact token counts arrive after the rows are stored: each committed chunk is queued here, counted
 * on the pool, and written back over the len/4 estimates. Chunks left pending by a reload are
 * picked up again from the store with `recover`. Ingest never waits for counting: past a few
 * jobs per worker, a queued job keeps only its row ids and reads its texts back when its turn comes,
 * so memory stays bounded however far the counts fall behind.
 */
export class TokenBackfill {
  private queue: Job[] = [];
  /** Queued jobs holding their texts. */
  private held = 0;
  private active = 0;
  private pendingRows = new Map<string, number>();
  private idleWaiters: (() => void)[] = [];
  private forgotten = new Set<string>();
  private storing = false;

  constructor(
    private readonly store: TrajectoryStore,
    private readonly counter: TokenCounter,
    private readonly onChange: (datasetKey: string) => void,
    private readonly onError: (datasetKey: string, message: string) => void,
  ) {}

  /** Rows of the dataset still on the estimate, as far as this session knows. */
  pending(datasetKey: string): number {
    return this.pendingRows.get(datasetKey) ?? 0;
  }

  enqueue(datasetKey: string, chunkKey: string, trajectories: Trajectory[]): void {
    if (trajectories.length === 0) return;
    this.forgotten.delete(datasetKey);
    const ids = trajectories.map((t) => t.id);
    this.push(this.held < this.counter.size * HELD_PER_WORKER ? { datasetKey, chunkKey, ids, inputs: trajectories.map((t) => tokenInput(t.messages)) } : { datasetKey, chunkKey, ids });
  }

  /** Queues every chunk the store still has on estimates (after a reload or a crash). */
  async recover(datasetKey: string): Promise<void> {
    this.forgotten.delete(datasetKey);
    const queued = new Set(this.queue.filter((j) => j.datasetKey === datasetKey).map((j) => j.chunkKey));
    for (const chunk of await this.store.pendingTokenChunks(datasetKey)) {
      if (!queued.has(chunk.chunkKey) && chunk.ids.length) this.push({ datasetKey, chunkKey: chunk.chunkKey, ids: chunk.ids });
    }
  }

  /** Drops a deleted dataset's work. */
  forget(datasetKey: string): void {
    this.forgotten.add(datasetKey);
    this.queue = this.queue.filter((j) => j.datasetKey !== datasetKey);
    this.held = this.queue.filter((j) => j.inputs).length;
    this.pendingRows.delete(datasetKey);
  }

  /** Rows are being stored (or no longer are): counting runs on fewer workers meanwhile. */
  setStoring(storing: boolean): void {
    this.storing = storing;
    this.pump();
  }

  /** Resolves when every queued count is written. */
  idle(): Promise<void> {
    if (this.queue.length === 0 && this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private push(job: Job): void {
    this.queue.push(job);
    if (job.inputs) this.held++;
    this.pendingRows.set(job.datasetKey, this.pending(job.datasetKey) + job.ids.length);
    this.onChange(job.datasetKey);
    this.pump();
  }

  private pump(): void {
    const workers = this.storing ? this.counter.sizeWhileStoring : this.counter.size;
    while (this.active < workers && this.queue.length > 0) {
      const job = this.queue.shift() as Job;
      if (job.inputs) this.held--;
      this.active++;
      void this.run(job).finally(() => {
        this.active--;
        this.pump();
        if (this.queue.length === 0 && this.active === 0) this.idleWaiters.splice(0).forEach((w) => w());
      });
    }
  }

  private async run(job: Job): Promise<void> {
    try {
      const { ids, inputs } = job.inputs ? { ids: job.ids, inputs: job.inputs } : await this.readBack(job);
      if (this.forgotten.has(job.datasetKey) || ids.length === 0) return;
      const totals = await this.counter.count(inputs);
      if (this.forgotten.has(job.datasetKey)) return;
      await this.store.updateChunkTokens(
        job.chunkKey,
        totals.map((t, i) => ({ id: ids[i] as string, tokens: { total: t.total, byRole: t.byRole, perMessage: [] } })),
      );
    } catch (e) {
      this.onError(job.datasetKey, `Exact token counts could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      if (!this.forgotten.has(job.datasetKey)) {
        this.pendingRows.set(job.datasetKey, Math.max(0, this.pending(job.datasetKey) - job.ids.length));
        this.onChange(job.datasetKey);
      }
    }
  }

  /** A job's texts from the store; rows deleted since (a reset shard) are skipped. */
  private async readBack(job: Job): Promise<{ ids: string[]; inputs: TokenInput[] }> {
    const present = (await this.store.getTrajectories(job.datasetKey, job.ids)).filter((t): t is Trajectory => t !== undefined);
    return { ids: present.map((t) => t.id), inputs: present.map((t) => tokenInput(t.messages)) };
  }
}

/** Queued jobs per pool worker that keep their texts in memory. */
const HELD_PER_WORKER = 4;

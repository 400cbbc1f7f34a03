import type { Trajectory } from '../../src/core/types';
import type { TrajectoryStore } from '../store';
import { tokenInput, type TokenInput, type TokenTotals } from '../tokens/tokenJob';

export interface TokenCounter {
  readonly size: number;
  count(inputs: TokenInput[]): Promise<TokenTotals[]>;
}

interface Job {
  datasetKey: string;
  chunkKey: string;
  ids: string[];
  inputs: TokenInput[];
}

/**
 * Exact token counts arrive after the rows are stored: each committed chunk is queued here, counted
 * on the pool, and written back over the len/4 estimates. Chunks left pending by a reload are
 * picked up again from the store with `recover`.
 */
export class TokenBackfill {
  private queue: Job[] = [];
  private active = 0;
  private pendingRows = new Map<string, number>();
  private roomWaiters: (() => void)[] = [];
  private idleWaiters: (() => void)[] = [];
  private forgotten = new Set<string>();

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
    this.push({ datasetKey, chunkKey, ids: trajectories.map((t) => t.id), inputs: trajectories.map((t) => tokenInput(t.messages)) });
  }

  /** Queues every chunk the store still has on estimates (after a reload or a crash). */
  async recover(datasetKey: string): Promise<void> {
    this.forgotten.delete(datasetKey);
    const queued = new Set(this.queue.filter((j) => j.datasetKey === datasetKey).map((j) => j.chunkKey));
    for (const chunk of await this.store.pendingTokenChunks(datasetKey)) {
      if (queued.has(chunk.chunkKey)) continue;
      const trajectories = await this.store.getTrajectories(datasetKey, chunk.ids);
      const present = trajectories.filter((t): t is Trajectory => t !== undefined);
      if (present.length) this.push({ datasetKey, chunkKey: chunk.chunkKey, ids: present.map((t) => t.id), inputs: present.map((t) => tokenInput(t.messages)) });
    }
  }

  /** Drops a deleted dataset's work. */
  forget(datasetKey: string): void {
    this.forgotten.add(datasetKey);
    this.queue = this.queue.filter((j) => j.datasetKey !== datasetKey);
    this.pendingRows.delete(datasetKey);
    this.wakeRoom();
  }

  /** Resolves when the queue is short enough to take more: ingest waits here, bounding memory. */
  room(): Promise<void> {
    if (this.queue.length < this.counter.size * 4) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  /** Resolves when every queued count is written. */
  idle(): Promise<void> {
    if (this.queue.length === 0 && this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private push(job: Job): void {
    this.queue.push(job);
    this.pendingRows.set(job.datasetKey, this.pending(job.datasetKey) + job.ids.length);
    this.onChange(job.datasetKey);
    this.pump();
  }

  private pump(): void {
    while (this.active < this.counter.size && this.queue.length > 0) {
      const job = this.queue.shift() as Job;
      this.active++;
      this.wakeRoom();
      void this.run(job).finally(() => {
        this.active--;
        this.pump();
        if (this.queue.length === 0 && this.active === 0) this.idleWaiters.splice(0).forEach((w) => w());
      });
    }
  }

  private async run(job: Job): Promise<void> {
    try {
      const totals = await this.counter.count(job.inputs);
      if (this.forgotten.has(job.datasetKey)) return;
      await this.store.updateChunkTokens(
        job.chunkKey,
        totals.map((t, i) => ({ id: job.ids[i] as string, tokens: { total: t.total, byRole: t.byRole, perMessage: [] } })),
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

  private wakeRoom(): void {
    if (this.queue.length < this.counter.size * 4) this.roomWaiters.splice(0).forEach((w) => w());
  }
}

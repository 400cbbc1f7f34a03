/**
 * Throughput over a sliding window, so rows/s and the ETA follow the current speed (a throttled
 * network, a slow shard) instead of the average since the start.
 */
export class RateMeter {
  private samples: { t: number; rows: number; bytes: number }[] = [];

  constructor(private readonly windowMs = 10_000) {}

  /** Records cumulative totals at time `t` (ms). */
  add(t: number, rows: number, bytes: number): void {
    this.samples.push({ t, rows, bytes });
    while (this.samples.length > 2 && t - (this.samples[1]?.t ?? t) >= this.windowMs) this.samples.shift();
  }

  /** Rows and bytes per second over the window; null until two samples a moment apart exist. */
  rates(): { rowsPerSec: number; bytesPerSec: number } | null {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.t - first.t < 250) return null;
    const secs = (last.t - first.t) / 1000;
    return { rowsPerSec: (last.rows - first.rows) / secs, bytesPerSec: (last.bytes - first.bytes) / secs };
  }

  /** Seconds left: from rows when the total is known, else from bytes. */
  eta(rowsLeft: number | null, bytesLeft: number): number | null {
    const r = this.rates();
    if (!r) return null;
    if (rowsLeft !== null && r.rowsPerSec > 0) return rowsLeft / r.rowsPerSec;
    return r.bytesPerSec > 0 ? bytesLeft / r.bytesPerSec : null;
  }

  reset(): void {
    this.samples = [];
  }
}

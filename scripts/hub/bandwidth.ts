import type { Timers } from './timers';

/** How far behind schedule the link may fall and still catch up, absorbing timer and I/O jitter. */
const CATCH_UP_MS = 50;

/**
 * One shared link of a fixed rate: every response body draws from it, so concurrent downloads
 * split the bandwidth as they would on a real connection. Each chunk is scheduled after the
 * ones before it (FIFO), which keeps the timing deterministic.
 */
export class Bandwidth {
  private nextFree = 0;

  constructor(
    private readonly timers: Timers,
    private bytesPerSecond: number,
  ) {}

  setRate(bytesPerSecond: number): void {
    this.bytesPerSecond = bytesPerSecond;
  }

  /** Resolves when `bytes` may be sent; immediately when the link is unthrottled. */
  async take(bytes: number): Promise<void> {
    if (!(this.bytesPerSecond > 0)) return;
    const now = performance.now();
    // An idle link does not bank more than CATCH_UP_MS of credit, so bursts stay bounded.
    const start = Math.max(now - CATCH_UP_MS, this.nextFree);
    this.nextFree = start + (bytes / this.bytesPerSecond) * 1000;
    // Sending a chunk takes its transmission time: wait until it would have left the link.
    await this.timers.sleep(this.nextFree - now);
  }
}

const UNITS: Record<string, number> = {
  '': 1, b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3,
  kbit: 1e3 / 8, mbit: 1e6 / 8, gbit: 1e9 / 8,
};

/** `100mbit`, `12.5MB`, `512KiB`, `1e6` (per second) → bytes per second; 0 or `off` → unthrottled. */
export function parseRate(text: string): number {
  if (/^(off|0)$/i.test(text.trim())) return 0;
  const match = /^\s*(\d+(?:\.\d+)?(?:e\d+)?)\s*([a-z]*)(?:\/s|ps)?\s*$/i.exec(text);
  const unit = UNITS[(match?.[2] ?? '').toLowerCase()];
  if (!match || unit === undefined) {
    throw new Error(`cannot read the rate "${text}": use a number of bytes per second or a unit such as 100mbit, 12.5MB, 512KiB`);
  }
  return Number(match[1]) * unit;
}

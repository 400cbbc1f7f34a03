/** Which requests a fault applies to: a substring of the decoded URL path (`/datasets/o/n/resolve/main/x.parquet`), or a pattern tested on it. */
export type PathMatch = string | RegExp;

/**
 * Misbehaviour to inject, for tests and benchmarks. Each counter counts down as requests hit it,
 * so a test knows exactly which requests fail.
 */
export interface Faults {
  /** Bytes per second shared by every response body (one link); 0 or absent: unthrottled. */
  throttle?: number;
  /** Delay before every response, in milliseconds. */
  latencyMs?: number;
  /** Answer the next `count` (default 1; Infinity: all) requests matching `path` with `status` (default 503). Preflights are exempt. */
  status5xx?: { status?: 500 | 502 | 503 | 504; count?: number; path?: PathMatch };
  /**
   * Drop the connection after `bytes` body bytes of a file download (resolve) matching `path`,
   * for the next `times` downloads (default 1; Infinity: every one).
   */
  failAfterBytes?: { bytes: number; times?: number; path?: PathMatch };
  /** Serve downloads like a server without range support: 200 with the whole file, whatever the Range header says. */
  ignoreRange?: boolean;
}

/** The faults in force, with their remaining counts. */
export class FaultState {
  private faults: Faults = {};
  private statusLeft = 0;
  private cutsLeft = 0;

  constructor(faults: Faults = {}) {
    this.set(faults);
  }

  /** Replaces every fault (counters start again). */
  set(faults: Faults): void {
    this.faults = faults;
    this.statusLeft = faults.status5xx ? (faults.status5xx.count ?? 1) : 0;
    this.cutsLeft = faults.failAfterBytes ? (faults.failAfterBytes.times ?? 1) : 0;
  }

  get throttle(): number {
    return this.faults.throttle ?? 0;
  }

  get latencyMs(): number {
    return this.faults.latencyMs ?? 0;
  }

  get ignoreRange(): boolean {
    return this.faults.ignoreRange === true;
  }

  /** The status to fail this request with, if a status fault takes it. */
  takeStatus(path: string): number | undefined {
    const fault = this.faults.status5xx;
    if (!fault || this.statusLeft <= 0 || !matches(fault.path, path)) return undefined;
    this.statusLeft--;
    return fault.status ?? 503;
  }

  /** After how many body bytes to drop this download, if a cut fault takes it. */
  takeCut(path: string): number | undefined {
    const fault = this.faults.failAfterBytes;
    if (!fault || this.cutsLeft <= 0 || !matches(fault.path, path)) return undefined;
    this.cutsLeft--;
    return Math.max(0, fault.bytes);
  }
}

function matches(match: PathMatch | undefined, path: string): boolean {
  if (match === undefined) return true;
  return typeof match === 'string' ? path.includes(match) : match.test(path);
}

/** Raised in a waiting request handler when the server closes under it. */
export class ServerClosedError extends Error {
  constructor() {
    super('fake hub closed');
    this.name = 'ServerClosedError';
  }
}

/**
 * Every delay the server waits on (latency, throttling), so `close()` can cancel them all and
 * leave no timer behind: a cancelled wait rejects with ServerClosedError.
 */
export class Timers {
  private readonly pending = new Map<ReturnType<typeof setTimeout>, (e: Error) => void>();
  private closed = false;

  sleep(ms: number): Promise<void> {
    if (this.closed) return Promise.reject(new ServerClosedError());
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve();
      }, ms);
      this.pending.set(timer, reject);
    });
  }

  cancelAll(): void {
    this.closed = true;
    for (const [timer, reject] of this.pending) {
      clearTimeout(timer);
      reject(new ServerClosedError());
    }
    this.pending.clear();
  }
}

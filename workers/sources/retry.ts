/** How hard to try again after a dropped connection or a server error. */
export interface RetryPolicy {
  /** Consecutive failed tries before giving up (a try that makes progress resets the count). Default 5. */
  attempts: number;
  /** Wait before the first retry, doubled on each next one. Default 250 ms. */
  baseDelayMs: number;
  /** Longest wait between tries (also caps a server's Retry-After). Default 8 s. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 250, maxDelayMs: 8000 };

export function retryPolicy(overrides?: Partial<RetryPolicy>): RetryPolicy {
  return { ...DEFAULT_RETRY, ...overrides };
}

/** Wait before retry number `failure` (1-based): exponential, capped, or what Retry-After asks within the cap. */
export function backoffDelay(policy: RetryPolicy, failure: number, retryAfterSeconds?: number): number {
  if (retryAfterSeconds !== undefined && retryAfterSeconds >= 0) return Math.min(policy.maxDelayMs, retryAfterSeconds * 1000);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failure - 1));
}

/** Statuses worth another try: the server or a proxy is overloaded or restarting. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

export function retryAfterSeconds(res: Response): number | undefined {
  const value = res.headers.get('Retry-After');
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

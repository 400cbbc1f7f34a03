import { HubUnreachableError } from '../../src/core/hub/hubErrors';
import { networkReason } from './httpErrors';
import { backoffDelay, isRetryableStatus, retryAfterSeconds, retryPolicy, sleep, type RetryPolicy } from './retry';

/** The Hub's own account of a refusal: status, X-Error-Code, and the message. */
export interface HubRefusal {
  status: number;
  code?: string;
  message?: string;
}

export interface HubClientOptions {
  endpoint: string;
  token?: string;
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
  signal?: AbortSignal;
}

/**
 * The fetch handed to @huggingface/hub and used for the card: it retries network failures and
 * 5xx/429 with backoff, turns a Hub that stays unreachable into HubUnreachableError, and keeps
 * the last refusal's X-Error-Code (the library drops headers, and the code is what tells a
 * gated dataset from a missing one).
 */
export class HubClient {
  lastRefusal: HubRefusal | undefined;
  readonly endpoint: string;
  private readonly policy: RetryPolicy;
  private readonly base: typeof fetch;

  constructor(private readonly opts: HubClientOptions) {
    this.endpoint = opts.endpoint;
    this.policy = retryPolicy(opts.retry);
    this.base = opts.fetch ?? ((input, init) => fetch(input, init));
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const withSignal = this.opts.signal ? { ...init, signal: this.opts.signal } : init;
    for (let failures = 1; ; failures++) {
      let res: Response;
      try {
        res = await this.base(input, withSignal);
      } catch (e) {
        if (this.opts.signal?.aborted) throw this.opts.signal.reason;
        if (failures >= this.policy.attempts) throw new HubUnreachableError(this.endpoint, networkReason(e));
        await sleep(backoffDelay(this.policy, failures), this.opts.signal);
        continue;
      }
      if (isRetryableStatus(res.status) && failures < this.policy.attempts) {
        await res.body?.cancel().catch(() => undefined);
        await sleep(backoffDelay(this.policy, failures, retryAfterSeconds(res)), this.opts.signal);
        continue;
      }
      if (!res.ok) this.lastRefusal = refusalOf(res);
      return res;
    }
  };

  /** A GET with the token, for files the library does not read for us (the card). */
  get(url: string, range?: string): Promise<Response> {
    const headers: Record<string, string> = {};
    if (range) headers['Range'] = range;
    if (this.opts.token) headers['Authorization'] = `Bearer ${this.opts.token}`;
    return this.fetch(url, { headers });
  }
}

function refusalOf(res: Response): HubRefusal {
  const refusal: HubRefusal = { status: res.status };
  const code = res.headers.get('X-Error-Code');
  const message = res.headers.get('X-Error-Message');
  if (code) refusal.code = code;
  if (message) refusal.message = message;
  return refusal;
}

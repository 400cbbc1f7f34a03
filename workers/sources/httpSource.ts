import { memorySource } from '../../src/core/decode/memorySource';
import type { ByteSource } from '../../src/core/decode/types';
import { FileChangedError, HttpSourceError, TransientError, networkReason, serverMessage } from './httpErrors';
import { backoffDelay, isRetryableStatus, retryAfterSeconds, retryPolicy, sleep, type RetryPolicy } from './retry';

export { FileChangedError, HttpSourceError } from './httpErrors';
export type { RetryPolicy } from './retry';

export interface HttpSourceOptions {
  /** The file's name in messages and for picking a reader; default: the URL's last path segment. */
  name?: string;
  /** The size when already known (from a listing): saves the first request. */
  size?: number;
  /** Sent as `Authorization: Bearer <token>`; never logged, never put in a URL or a message. */
  token?: string;
  /** For tests or a proxy; default: the global fetch. */
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
  /** Called with the byte count of every chunk received, for progress. */
  onBytes?: (bytes: number) => void;
  /** Aborts requests in flight and waits between retries. */
  signal?: AbortSignal;
}

/**
 * A file behind a URL as a ByteSource: `slice` is a Range request, `stream` a streaming GET that
 * survives dropped connections and 5xx answers by resuming, with exponential backoff, from the
 * byte it reached. Every response must carry the ETag (and size) of the first one: anything else
 * is a FileChangedError, never bytes of two versions glued together. A server that ignores Range
 * (200 instead of 206) gets the file downloaded once, and slices are served from memory.
 */
export async function httpByteSource(url: string, opts: HttpSourceOptions = {}): Promise<ByteSource> {
  const file = new RemoteFile(url, opts);
  await file.open();
  return {
    name: file.name,
    size: file.size,
    slice: (start, end) => file.slice(start, end),
    stream: () => file.stream(),
  };
}

class RemoteFile {
  readonly name: string;
  size = 0;
  private etag: string | undefined;
  /** The whole file, once the server has shown it ignores Range. */
  private whole: Promise<Uint8Array> | undefined;
  private readonly policy: RetryPolicy;
  private readonly fetchFn: typeof fetch;

  constructor(
    private readonly url: string,
    private readonly opts: HttpSourceOptions,
  ) {
    this.name = opts.name ?? lastSegment(url);
    this.policy = retryPolicy(opts.retry);
    this.fetchFn = opts.fetch ?? ((input, init) => fetch(input, init));
  }

  /** Learns the size: given, or from a HEAD, or from a one-byte ranged GET when HEAD does not say. */
  async open(): Promise<void> {
    if (this.opts.size !== undefined) {
      this.size = this.opts.size;
      return;
    }
    const full = await this.retrying(async () => {
      const head = await this.send('HEAD');
      // A server without HEAD support, or one that does not say the length: ask for one byte instead.
      if (head.status !== 405 && head.status !== 501) await this.expect(head, [200]);
      const length = head.headers.get('Content-Length');
      if (head.ok && length !== null && /^\d+$/.test(length)) {
        this.size = Number(length);
        this.learnEtag(head);
        return undefined;
      }
      const probe = await this.send('GET', 'bytes=0-0');
      await this.expect(probe, [200, 206]);
      if (probe.status === 200) return probe;
      this.size = totalOf(probe) ?? (await this.fail(`no size in Content-Range "${probe.headers.get('Content-Range')}"`));
      this.learnEtag(probe);
      await probe.body?.cancel();
      return undefined;
    });
    if (full) this.size = (await this.downloadWhole(full)).byteLength;
  }

  async slice(start: number, end: number): Promise<ArrayBuffer> {
    if (!(start >= 0 && start <= end && end <= this.size)) {
      throw new HttpSourceError(this.name, `cannot read bytes ${start}–${end}: the file is ${this.size} bytes`);
    }
    if (start === end) return new ArrayBuffer(0);
    if (this.whole) return copy((await this.whole).subarray(start, end));
    const got = await this.retrying(async (): Promise<{ full: Response } | { bytes: Uint8Array<ArrayBuffer> }> => {
      const res = await this.send('GET', `bytes=${start}-${end - 1}`);
      await this.expect(res, [200, 206]);
      if (res.status === 200) return { full: res };
      this.checkPartial(res, start);
      const bytes = await this.readBody(res, end - start);
      if (bytes.byteLength !== end - start) throw new TransientError(`asked for ${end - start} bytes at ${start}, got ${bytes.byteLength}`);
      return { bytes };
    });
    // The body was read into a buffer of exactly the range: hand it over as it is.
    if ('bytes' in got) return got.bytes.buffer;
    return copy((await this.downloadWhole(got.full)).subarray(start, end));
  }

  stream(): ReadableStream<Uint8Array> {
    if (this.whole) return promisedStream(this.whole, this.name);
    let offset = 0;
    let failures = 0;
    let body: { reader: ReadableStreamDefaultReader<Uint8Array>; skip: number } | undefined;
    const drop = () => {
      body?.reader.cancel().catch(() => undefined);
      body = undefined;
    };
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        for (;;) {
          try {
            body ??= await this.openAt(offset);
            const chunk = await this.readChunk(body, offset);
            if (chunk === 'done') return controller.close();
            if (chunk.byteLength === 0) continue;
            offset += chunk.byteLength;
            failures = 0;
            controller.enqueue(chunk);
            return;
          } catch (e) {
            drop();
            failures++;
            if (!(e instanceof TransientError) || failures >= this.policy.attempts) return controller.error(this.final(e, failures));
            try {
              await sleep(backoffDelay(this.policy, failures, e.retryAfterSeconds), this.opts.signal);
            } catch (aborted) {
              return controller.error(aborted);
            }
          }
        }
      },
      cancel: (reason) => body?.reader.cancel(reason),
    }, { highWaterMark: 0 });
  }

  /** A response body from `offset` on: a 206 from there, or a 200 whose first `offset` bytes are skipped. */
  private async openAt(offset: number) {
    const res = await this.send('GET', offset > 0 ? `bytes=${offset}-` : undefined);
    await this.expect(res, [200, 206]);
    if (res.status === 206) this.checkPartial(res, offset);
    else this.checkWhole(res);
    if (!res.body) throw new TransientError('the response has no body');
    return { reader: res.body.getReader(), skip: res.status === 200 ? offset : 0 };
  }

  /** The next chunk past any bytes to skip; 'done' at the end of the file; a TransientError if the body ends early. */
  private async readChunk(body: { reader: ReadableStreamDefaultReader<Uint8Array>; skip: number }, offset: number): Promise<Uint8Array | 'done'> {
    const { done, value } = await this.guard(() => body.reader.read());
    if (done) {
      if (offset >= this.size) return 'done';
      throw new TransientError(`the connection closed at byte ${offset} of ${this.size}`);
    }
    this.opts.onBytes?.(value.byteLength);
    const skipped = Math.min(body.skip, value.byteLength);
    body.skip -= skipped;
    return value.subarray(skipped);
  }

  private downloadWhole(first: Response): Promise<Uint8Array> {
    if (this.whole) {
      first.body?.cancel().catch(() => undefined);
      return this.whole;
    }
    let response: Response | undefined = first;
    const whole = this.retrying(async () => {
      const res = response ?? (await this.send('GET'));
      response = undefined;
      await this.expect(res, [200]);
      this.checkWhole(res);
      const bytes = await this.readBody(res);
      if (this.opts.size !== undefined && bytes.byteLength !== this.opts.size) throw new FileChangedError(this.name, `${this.opts.size} bytes were expected, the server sent ${bytes.byteLength}`);
      return bytes;
    });
    this.whole = whole;
    whole.catch(() => {
      if (this.whole === whole) this.whole = undefined;
    });
    return whole;
  }

  /**
   * The whole body. With the length known, it goes straight into one buffer of that size (a large
   * range is then held once, not as chunks plus their concatenation); a longer body is an error.
   */
  private async readBody(res: Response, expected?: number): Promise<Uint8Array<ArrayBuffer>> {
    if (!res.body) return new Uint8Array(0);
    const reader = res.body.getReader();
    if (expected !== undefined) return this.readInto(reader, expected);
    const chunks: Uint8Array[] = [];
    let length = 0;
    for (;;) {
      const { done, value } = await this.guard(() => reader.read());
      if (done) break;
      this.opts.onBytes?.(value.byteLength);
      chunks.push(value);
      length += value.byteLength;
    }
    const out = new Uint8Array(length);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
  }

  /** Reads into a buffer of `expected` bytes; a shorter body comes back as the part received. */
  private async readInto(reader: ReadableStreamDefaultReader<Uint8Array>, expected: number): Promise<Uint8Array<ArrayBuffer>> {
    const out = new Uint8Array(expected);
    let at = 0;
    for (;;) {
      const { done, value } = await this.guard(() => reader.read());
      if (done) return at === expected ? out : out.slice(0, at);
      this.opts.onBytes?.(value.byteLength);
      if (at + value.byteLength > expected) {
        await reader.cancel().catch(() => undefined);
        throw new TransientError(`the server sent more than the ${expected} bytes expected`);
      }
      out.set(value, at);
      at += value.byteLength;
    }
  }

  private async send(method: 'GET' | 'HEAD', range?: string): Promise<Response> {
    const headers: Record<string, string> = {};
    if (range) headers['Range'] = range;
    if (this.opts.token) headers['Authorization'] = `Bearer ${this.opts.token}`;
    // Chromium's HTTP cache lets one request per URL at a time write the cache entry and restarts
    // the others, so parallel range reads of a shard would queue behind each other. The bytes are
    // kept decoded in IndexedDB anyway: the HTTP cache has nothing to offer here.
    const init: RequestInit = { method, headers, cache: 'no-store', ...(this.opts.signal ? { signal: this.opts.signal } : {}) };
    return this.guard(() => this.fetchFn(this.url, init));
  }

  /** Runs a network step; its failure (not an abort) becomes a TransientError. */
  private async guard<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (e) {
      if (this.opts.signal?.aborted) throw this.opts.signal.reason;
      throw new TransientError(networkReason(e));
    }
  }

  /** Passes a response with one of the `ok` statuses; a 5xx/429 is transient, anything else final. */
  private async expect(res: Response, ok: number[]): Promise<void> {
    if (ok.includes(res.status)) return;
    const said = await serverMessage(res);
    const reason = `HTTP ${res.status}${said ? `: ${said}` : ''}`;
    if (isRetryableStatus(res.status)) throw new TransientError(reason, res.status, retryAfterSeconds(res));
    if (res.status === 416) throw new HttpSourceError(this.name, `${reason} (the server cannot serve that byte range; the file may have changed)`, 416);
    throw new HttpSourceError(this.name, reason, res.status);
  }

  private checkPartial(res: Response, start: number): void {
    const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(res.headers.get('Content-Range') ?? '');
    if (!range || Number(range[1]) !== start) {
      throw new HttpSourceError(this.name, `asked for bytes from ${start}, the server answered Content-Range "${res.headers.get('Content-Range')}"`, res.status);
    }
    const total = totalOf(res);
    if (total !== undefined && total !== this.size) throw new FileChangedError(this.name, `its size went from ${this.size} to ${total} bytes`);
    this.learnEtag(res);
  }

  private checkWhole(res: Response): void {
    const length = res.headers.get('Content-Length');
    if (length !== null && /^\d+$/.test(length) && this.size > 0 && Number(length) !== this.size) {
      throw new FileChangedError(this.name, `its size went from ${this.size} to ${length} bytes`);
    }
    this.learnEtag(res);
  }

  /** Keeps the first ETag seen; a different one later means the bytes changed under us. */
  private learnEtag(res: Response): void {
    const etag = normalizeEtag(res.headers.get('ETag'));
    if (etag === undefined) return;
    if (this.etag === undefined) this.etag = etag;
    else if (etag !== this.etag) throw new FileChangedError(this.name, `ETag ${this.etag} became ${etag}`);
  }

  private async retrying<T>(attempt: () => Promise<T>): Promise<T> {
    for (let failures = 1; ; failures++) {
      try {
        return await attempt();
      } catch (e) {
        if (!(e instanceof TransientError) || failures >= this.policy.attempts) throw this.final(e, failures);
        await sleep(backoffDelay(this.policy, failures, e.retryAfterSeconds), this.opts.signal);
      }
    }
  }

  private final(e: unknown, tries: number): unknown {
    if (!(e instanceof TransientError)) return e;
    return new HttpSourceError(this.name, `gave up after ${tries} ${tries === 1 ? 'try' : 'tries'}: ${e.message}`, e.status);
  }

  private fail(reason: string): never {
    throw new HttpSourceError(this.name, reason);
  }
}

function totalOf(res: Response): number | undefined {
  const total = /\/(\d+)$/.exec(res.headers.get('Content-Range') ?? '')?.[1];
  return total === undefined ? undefined : Number(total);
}

/** Weak and strong forms of one ETag compare equal: proxies may weaken it. */
function normalizeEtag(etag: string | null): string | undefined {
  return etag?.replace(/^W\//, '') || undefined;
}

function lastSegment(url: string): string {
  const path = url.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || url;
  } catch {
    return last || url;
  }
}

function copy(view: Uint8Array): ArrayBuffer {
  return view.slice().buffer;
}

function promisedStream(bytes: Promise<Uint8Array>, name: string): ReadableStream<Uint8Array> {
  let inner: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>({
    pull: async (controller) => {
      inner ??= memorySource(await bytes, name).stream().getReader();
      const { done, value } = await inner.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
  });
}

import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nodeFileSource } from '../../src/core/decode/nodeSource';
import { parquetInfo } from '../../src/core/decode/parquet';
import { startFakeHub, type FakeHub } from '../../scripts/hub/fakeHub';
import { generatedFixtures } from '../../scripts/hub/generatedFixtures';
import { FileChangedError, HttpSourceError, httpByteSource } from './httpSource';

const TOKEN = 'hf_granted_token';
/** Written before any test runs, so the generator's time never counts against a test's timeout. */
const fixtures = generatedFixtures();
const FAST = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 };
const content = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7 + (i >> 8)) % 256);

/** Byte equality without a deep-equal walk over 300,000 elements. */
function expectSame(actual: Uint8Array, expected: Uint8Array): void {
  expect(actual.byteLength).toBe(expected.byteLength);
  expect(Buffer.from(actual.buffer, actual.byteOffset, actual.byteLength).equals(Buffer.from(expected))).toBe(true);
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('httpByteSource against the fake hub', () => {
  let hub: FakeHub;
  let root: string;
  const fileUrl = (name = 'big.parquet') => `${hub.url}/datasets/o/f/resolve/main/${name}`;
  const write = (p: string, bytes: Uint8Array | string) => {
    const abs = path.join(root, p);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, bytes);
  };
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'http-source-'));
    write('o/f/big.parquet', content);
    write('o/f/lines.jsonl', '{"a":1}\n{"a":2}\n');
    write('o/gated/.gated', `${TOKEN}\n`);
    write('o/gated/train.jsonl', '{"secret":true}\n');
    hub = await startFakeHub({ root, tokens: ['hf_known_other'] });
  });
  afterEach(() => {
    hub.setFaults({});
    hub.requests.length = 0;
  });
  afterAll(async () => {
    await hub.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('learns the size from a HEAD; a slice is one Range GET', async () => {
    const source = await httpByteSource(fileUrl(), { retry: FAST });
    expect(source.name).toBe('big.parquet');
    expect(source.size).toBe(content.length);
    expect(new Uint8Array(await source.slice(1000, 1010))).toEqual(content.subarray(1000, 1010));
    expect(new Uint8Array(await source.slice(5, 5))).toEqual(new Uint8Array(0));
    expect(hub.requests.map((r) => [r.method, r.range])).toEqual([['HEAD', undefined], ['GET', 'bytes=1000-1009']]);
    await expect(source.slice(0, content.length + 1)).rejects.toThrow('big.parquet: cannot read bytes 0–300001: the file is 300000 bytes');
  });

  it('a known size saves the HEAD; without HEAD support a one-byte ranged GET gives the size', async () => {
    await httpByteSource(fileUrl(), { size: content.length, name: 'o/f/big.parquet' });
    expect(hub.requests).toEqual([]);
    const noHead: typeof fetch = (input, init) => (init?.method === 'HEAD' ? Promise.resolve(new Response(null, { status: 405 })) : fetch(input, init));
    const source = await httpByteSource(fileUrl(), { fetch: noHead });
    expect(source.size).toBe(content.length);
    expect(hub.requests.map((r) => r.range)).toEqual(['bytes=0-0']);
  });

  it('stream() gives the whole file and reports every byte received', async () => {
    let received = 0;
    const source = await httpByteSource(fileUrl(), { onBytes: (n) => (received += n) });
    expectSame(await readAll(source.stream()), content);
    expect(received).toBe(content.length);
  });

  it('stream() resumes from the byte it reached when the connection drops mid-body', async () => {
    const source = await httpByteSource(fileUrl(), { retry: FAST });
    hub.setFaults({ failAfterBytes: { bytes: 123_457 } });
    expectSame(await readAll(source.stream()), content);
    const gets = hub.requests.filter((r) => r.method === 'GET');
    expect(gets.map((r) => [r.range, r.fault, r.bytes])).toEqual([[undefined, 'cut', 123_457], ['bytes=123457-', undefined, content.length - 123_457]]);
  });

  it('stream() keeps resuming while each try makes progress, even if every connection drops', async () => {
    const source = await httpByteSource(fileUrl(), { retry: FAST });
    hub.setFaults({ failAfterBytes: { bytes: 70_000, times: Infinity } });
    expectSame(await readAll(source.stream()), content);
    expect(hub.requests.filter((r) => r.method === 'GET').map((r) => r.range)).toEqual([undefined, 'bytes=70000-', 'bytes=140000-', 'bytes=210000-', 'bytes=280000-']);
  });

  it('stream() retries 5xx with backoff, and gives up after the attempts with the last reason', async () => {
    const source = await httpByteSource(fileUrl(), { retry: FAST });
    hub.setFaults({ status5xx: { status: 503, count: 2 } });
    expectSame(await readAll(source.stream()), content);
    hub.setFaults({ status5xx: { status: 503, count: Infinity } });
    hub.requests.length = 0;
    await expect(readAll(source.stream())).rejects.toThrow('big.parquet: gave up after 3 tries: HTTP 503: Service Unavailable');
    expect(hub.requests).toHaveLength(3);
  });

  it('slice() retries a dropped body and a 5xx too', async () => {
    const source = await httpByteSource(fileUrl(), { retry: FAST, size: content.length });
    hub.setFaults({ failAfterBytes: { bytes: 10 } });
    expectSame(new Uint8Array(await source.slice(0, 100_000)), content.subarray(0, 100_000));
    hub.setFaults({ status5xx: { status: 500, count: 1 } });
    expect(new Uint8Array(await source.slice(7, 9))).toEqual(content.subarray(7, 9));
  });

  it('slice() refuses a body longer than the range it asked for', async () => {
    const longer: typeof fetch = async () => new Response(new Uint8Array(12), { status: 206, headers: { 'Content-Range': 'bytes 0-9/100' } });
    const source = await httpByteSource('http://127.0.0.1:9/x.parquet', { retry: FAST, size: 100, fetch: longer });
    await expect(source.slice(0, 10)).rejects.toThrow('x.parquet: gave up after 3 tries: the server sent more than the 10 bytes expected');
  });

  it('a file that changes on the server mid-stream is a FileChangedError, not mixed bytes', async () => {
    write('o/f/changing.parquet', content);
    const source = await httpByteSource(fileUrl('changing.parquet'), { retry: FAST });
    hub.setFaults({ failAfterBytes: { bytes: 1000 } });
    const reader = source.stream().getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    const changed = content.map((b) => 255 - b);
    write('o/f/changing.parquet', changed);
    utimesSync(path.join(root, 'o/f/changing.parquet'), new Date(), new Date(Date.now() + 5000));
    const error = await (async () => {
      for (;;) {
        try {
          if ((await reader.read()).done) return undefined;
        } catch (e) {
          return e;
        }
      }
    })();
    expect(error).toBeInstanceOf(FileChangedError);
    expect((error as Error).message).toMatch(/^changing\.parquet: the file changed on the server while it was being read \(ETag "[0-9a-f]+" became "[0-9a-f]+"\); read it again from the start$/);
    await expect(source.slice(0, 10)).rejects.toBeInstanceOf(FileChangedError);
  });

  it('a server ignoring Range: the file is downloaded once, slices and streams come from memory', async () => {
    hub.setFaults({ ignoreRange: true });
    const source = await httpByteSource(fileUrl(), { retry: FAST });
    const [a, b] = await Promise.all([source.slice(10, 20), source.slice(299_990, 300_000)]);
    expect(new Uint8Array(a)).toEqual(content.subarray(10, 20));
    expect(new Uint8Array(b)).toEqual(content.subarray(299_990));
    expectSame(await readAll(source.stream()), content);
    const gets = hub.requests.filter((r) => r.method === 'GET');
    expect(gets.length).toBeLessThanOrEqual(2);
    expect(gets.reduce((n, r) => n + r.bytes, 0)).toBeLessThanOrEqual(2 * content.length);
    hub.requests.length = 0;
    expect(new Uint8Array(await source.slice(0, 3))).toEqual(content.subarray(0, 3));
    expect(hub.requests).toEqual([]);
  });

  it('stream() on a server ignoring Range resumes by skipping what it already has', async () => {
    const source = await httpByteSource(fileUrl(), { retry: FAST });
    hub.setFaults({ ignoreRange: true, failAfterBytes: { bytes: 100_000 } });
    expectSame(await readAll(source.stream()), content);
  });

  it('4xx is final at once, names the file and says what the server said; the token never shows', async () => {
    await expect(httpByteSource(`${hub.url}/datasets/o/f/resolve/main/nope.parquet`, { retry: FAST })).rejects.toMatchObject({
      name: 'HttpSourceError', status: 404, message: 'nope.parquet: HTTP 404: Entry not found',
    });
    expect(hub.requests).toHaveLength(1);
    const gated = `${hub.url}/datasets/o/gated/resolve/main/train.jsonl`;
    const refused = await httpByteSource(gated, { retry: FAST, token: 'hf_known_other' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HttpSourceError);
    expect((refused as HttpSourceError).status).toBe(403);
    expect((refused as Error).message).toMatch(/^train\.jsonl: HTTP 403: Access to dataset o\/gated is restricted/);
    expect((refused as Error).message).not.toContain('hf_');
    const source = await httpByteSource(gated, { token: TOKEN });
    expect(new TextDecoder().decode(await readAll(source.stream()))).toBe('{"secret":true}\n');
    expect(hub.requests.filter((r) => r.url.includes('/o/gated/')).every((r) => r.authorized)).toBe(true);
  });

  it('an abort stops a retrying read at once', async () => {
    const source = await httpByteSource(fileUrl(), { retry: { attempts: 10, baseDelayMs: 10_000, maxDelayMs: 10_000 }, signal: AbortSignal.timeout(100) });
    hub.setFaults({ status5xx: { count: Infinity } });
    const t0 = performance.now();
    await expect(readAll(source.stream())).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('an unreachable server: gives up after the attempts, saying why', async () => {
    const port = await closedPort();
    await expect(httpByteSource(`http://127.0.0.1:${port}/x/data.parquet`, { retry: FAST })).rejects.toThrow(/^data\.parquet: gave up after 3 tries: fetch failed \(ECONNREFUSED\)$/);
  });
});

describe('parquetInfo over HTTP', () => {
  it('reads the footer of a fixture shard as it does from disk', async () => {
    const hub = await startFakeHub({ root: fixtures });
    try {
      const file = 'data/openhands/minimax_m25/train-00000-of-00002.parquet';
      const source = await httpByteSource(`${hub.url}/datasets/nvidia/Open-SWE-Traces/resolve/main/${file}`);
      expect(await parquetInfo(source)).toEqual(await parquetInfo(await nodeFileSource(path.join(fixtures, 'nvidia/Open-SWE-Traces', file))));
      expect(hub.requests.reduce((n, r) => n + r.bytes, 0)).toBeLessThanOrEqual(readFileSync(path.join(fixtures, 'nvidia/Open-SWE-Traces', file)).length);
    } finally {
      await hub.close();
    }
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

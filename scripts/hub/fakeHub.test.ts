import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { datasetInfo, downloadFile, fileDownloadInfo, listFiles, type ListFileEntry } from '@huggingface/hub';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeHub, type FakeHub } from './fakeHub';
import { generatedFixtures, listRepo } from './generatedFixtures';

const TOKEN = 'hf_granted_token';
const OTHER = 'hf_known_but_not_granted';

/** Writes `<root>/<repo>/<path>` files. */
function writeRepo(root: string, repo: string, files: Record<string, string | Uint8Array>): void {
  for (const [p, content] of Object.entries(files)) {
    const abs = path.join(root, repo, p);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

const bytes = (n: number, seed = 1) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 7) % 251);

async function collect(entries: AsyncGenerator<ListFileEntry>): Promise<ListFileEntry[]> {
  const out: ListFileEntry[] = [];
  for await (const e of entries) out.push(e);
  return out;
}

describe('fake hub over the generated fixtures, through @huggingface/hub', () => {
  let hub: FakeHub;
  const root = generatedFixtures();
  const repo = { type: 'dataset' as const, name: 'nvidia/Open-SWE-Traces' };
  beforeAll(async () => {
    hub = await startFakeHub({ root, pageSize: 4 });
  });
  afterAll(() => hub.close());
  afterEach(() => {
    hub.requests.length = 0;
  });

  it('listFiles (recursive) pages through every file, following the Link header', async () => {
    const entries = await collect(listFiles({ repo, recursive: true, hubUrl: hub.url }));
    const files = entries.filter((e) => e.type === 'file');
    expect(files.map((f) => ({ path: f.path, size: f.size }))).toEqual(listRepo(path.join(root, repo.name)));
    expect(hub.requests.length).toBe(Math.ceil(entries.length / 4));
    expect(hub.requests[1]?.url).toMatch(/^\/api\/datasets\/nvidia\/Open-SWE-Traces\/tree\/main\?recursive=true&expand=false&cursor=/);
    const parquet = files.find((f) => f.path.endsWith('.parquet'));
    const disk = readFileSync(path.join(root, repo.name, parquet?.path ?? ''));
    expect(parquet?.lfs).toEqual({ oid: createHash('sha256').update(disk).digest('hex'), size: disk.length, pointerSize: expect.any(Number) });
    expect(entries.filter((e) => e.type === 'directory').map((e) => e.path)).toContain('data/openhands/qwen35_122b');
  });

  it('listFiles of a folder, not recursive: its direct children only', async () => {
    const entries = await collect(listFiles({ repo, path: 'data/openhands', hubUrl: hub.url }));
    expect(entries.map((e) => [e.type, e.path])).toEqual([['directory', 'data/openhands/minimax_m25'], ['directory', 'data/openhands/qwen35_122b']]);
  });

  it('listFiles with expand adds lastCommit', async () => {
    const [first] = await collect(listFiles({ repo, path: 'data/sweagent/qwen35_122b', expand: true, hubUrl: hub.url }));
    expect(first?.lastCommit).toEqual({ id: expect.stringMatching(/^[0-9a-f]{40}$/), title: 'Snapshot of main', date: expect.any(String) });
  });

  it('datasetInfo: the library\'s info call, with the sha and cardData as additional fields', async () => {
    const info = await datasetInfo({ name: repo.name, hubUrl: hub.url, additionalFields: ['sha', 'cardData'] });
    expect(info).toMatchObject({ name: 'nvidia/Open-SWE-Traces', private: false, gated: false, sha: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(info.cardData?.configs?.map((c) => c.config_name)).toEqual(['openhands', 'sweagent', 'minisweagent']);
    expect(hub.requests[0]?.url).toMatch(/\/api\/datasets\/nvidia\/Open-SWE-Traces\/revision\/HEAD\?expand=private&/);
  });

  it('fileDownloadInfo and downloadFile: size, ETag, X-Repo-Commit; Blob slices are range reads', async () => {
    const file = 'data/openhands/qwen35_122b/train-00000-of-00001.parquet';
    const disk = readFileSync(path.join(root, repo.name, file));
    const info = await fileDownloadInfo({ repo, path: file, hubUrl: hub.url });
    expect(info).toMatchObject({ size: disk.length, etag: `"${createHash('sha256').update(disk).digest('hex')}"` });
    const blob = await downloadFile({ repo, path: file, hubUrl: hub.url });
    expect(blob?.size).toBe(disk.length);
    const tail = new Uint8Array(await (blob as Blob).slice(disk.length - 100, disk.length).arrayBuffer());
    expect(Buffer.from(tail).equals(disk.subarray(disk.length - 100))).toBe(true);
    expect(hub.requests.at(-1)?.range).toBe(`bytes=${disk.length - 100}-${disk.length - 1}`);
    expect(await fileDownloadInfo({ repo, path: 'data/missing.parquet', hubUrl: hub.url })).toBeNull();
  });

  it('dotfiles are neither listed nor served, and the fixtures marker is no repository', async () => {
    const res = await fetch(`${hub.url}/datasets/nvidia/Open-SWE-Traces/resolve/main/.gitattributes`);
    expect(res.status).toBe(404);
    expect((await fetch(`${hub.url}/api/datasets/.fixtures-generated/x`)).status).toBe(401);
  });
});

describe('fake hub: ranges, ETag, CORS', () => {
  let hub: FakeHub;
  let root: string;
  const content = bytes(1000);
  const url = () => `${hub.url}/datasets/o/r/resolve/main/data/blob.parquet`;
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'fake-hub-'));
    writeRepo(root, 'o/r', { 'data/blob.parquet': content, 'notes.txt': 'hello' });
    hub = await startFakeHub({ root });
  });
  afterAll(async () => {
    await hub.close();
    rmSync(root, { recursive: true, force: true });
  });

  const get = (range?: string, method = 'GET') => fetch(url(), { method, headers: range ? { Range: range } : {} });

  it('a whole GET: 200, Content-Length, Accept-Ranges, a strong ETag, the commit', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('1000');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('etag')).toBe(`"${createHash('sha256').update(content).digest('hex')}"`);
    expect(res.headers.get('x-repo-commit')).toMatch(/^[0-9a-f]{40}$/);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(content);
  });

  it.each([
    ['bytes=0-9', 0, 9],
    ['bytes=990-', 990, 999],
    ['bytes=-10', 990, 999],
    ['bytes=-5000', 0, 999],
    ['bytes=500-99999', 500, 999],
    ['bytes=999-999', 999, 999],
  ])('%s: 206 with bytes %i-%i', async (range, start, end) => {
    const res = await get(range);
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/1000`);
    expect(res.headers.get('content-length')).toBe(String(end - start + 1));
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(content.subarray(start, end + 1));
  });

  it.each(['bytes=1000-', 'bytes=5-2', 'bytes=-0', 'bytes=0-1,5-6', 'items=0-1', 'bytes=abc'])('%s: 416 with the size', async (range) => {
    const res = await get(range);
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe('bytes */1000');
  });

  it('HEAD gives the headers of a GET, without a body', async () => {
    const res = await get('bytes=10-19', 'HEAD');
    expect(res.status).toBe(206);
    expect(res.headers.get('content-length')).toBe('10');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('the ETag and the commit are stable, and change when the file does', async () => {
    const before = await get('bytes=0-0');
    expect((await get('bytes=5-6')).headers.get('etag')).toBe(before.headers.get('etag'));
    writeFileSync(path.join(root, 'o/r/data/blob.parquet'), bytes(1001, 2));
    const after = await get('bytes=0-0');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(after.headers.get('x-repo-commit')).not.toBe(before.headers.get('x-repo-commit'));
    writeFileSync(path.join(root, 'o/r/data/blob.parquet'), content);
    expect((await get('bytes=0-0')).headers.get('etag')).toBe(before.headers.get('etag'));
  });

  it('answers a CORS preflight and exposes the headers a page needs', async () => {
    const pre = await fetch(url(), { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'range, authorization' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/Range, Authorization, Content-Type/);
    const res = await get('bytes=0-0');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    for (const h of ['Content-Range', 'Content-Length', 'ETag', 'X-Repo-Commit', 'Link', 'Accept-Ranges']) {
      expect(res.headers.get('access-control-expose-headers')).toContain(h);
    }
  });
});

describe('fake hub: revisions', () => {
  let hub: FakeHub;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'fake-hub-'));
    writeRepo(root, 'o/ds', { 'README.md': '# ds\n', 'data/train.jsonl': '{"a":1}\n' });
    writeRepo(root, 'o/ds@refs~convert~parquet', { 'default/train/0000.parquet': bytes(64) });
    writeRepo(root, 'o/ds@v1.0', { 'data/train.jsonl': '{"a":0}\n' });
    writeRepo(root, 'o/twin', { 'README.md': '# ds\n', 'data/train.jsonl': '{"a":1}\n' });
    hub = await startFakeHub({ root, tokens: [OTHER] });
  });
  afterAll(async () => {
    await hub.close();
    rmSync(root, { recursive: true, force: true });
  });

  const sha = async (repo: string, revision?: string) => (await datasetInfo({ name: repo, hubUrl: hub.url, additionalFields: ['sha'], ...(revision ? { revision } : {}) })).sha;
  const paths = async (revision: string) => (await collect(listFiles({ repo: { type: 'dataset', name: 'o/ds' }, revision, recursive: true, hubUrl: hub.url }))).filter((e) => e.type === 'file').map((e) => e.path);

  it('sibling folders are revisions: refs/convert/parquet, encoded or raw in the URL, and a tag', async () => {
    expect(await paths('main')).toEqual(['README.md', 'data/train.jsonl']);
    expect(await paths(encodeURIComponent('refs/convert/parquet'))).toEqual(['default/train/0000.parquet']);
    expect(await paths('refs/convert/parquet')).toEqual(['default/train/0000.parquet']);
    expect(await paths('v1.0')).toEqual(['data/train.jsonl']);
    const raw = await fetch(`${hub.url}/datasets/o/ds/resolve/refs/convert/parquet/default/train/0000.parquet`);
    expect(new Uint8Array(await raw.arrayBuffer())).toEqual(bytes(64));
  });

  it('a commit sha is deterministic from the content and resolves to its revision', async () => {
    const main = await sha('o/ds');
    expect(await sha('o/ds', 'main')).toBe(main);
    expect(await sha('o/twin')).toBe(main);
    const converted = await sha('o/ds', 'refs/convert/parquet');
    expect(converted).not.toBe(main);
    expect(await paths(converted)).toEqual(['default/train/0000.parquet']);
    const res = await fetch(`${hub.url}/datasets/o/ds/resolve/${main}/data/train.jsonl`);
    expect(await res.text()).toBe('{"a":1}\n');
    expect(res.headers.get('x-repo-commit')).toBe(main);
  });

  it('unknown revision: 404 RevisionNotFound, on info, tree and resolve', async () => {
    for (const u of ['/api/datasets/o/ds/revision/nope', '/api/datasets/o/ds/tree/nope', '/datasets/o/ds/resolve/nope/data/train.jsonl', `/api/datasets/o/ds/tree/${'0'.repeat(40)}`]) {
      const res = await fetch(hub.url + u);
      expect(res.status, u).toBe(404);
      expect(res.headers.get('x-error-code'), u).toBe('RevisionNotFound');
      expect((await res.json()).error).toMatch(/^Invalid rev id: /);
    }
    await expect(datasetInfo({ name: 'o/ds', revision: 'nope', hubUrl: hub.url })).rejects.toMatchObject({ statusCode: 404, message: expect.stringMatching(/^Invalid rev id: nope/) });
  });

  it('unknown repository: 401 RepoNotFound without a token, 404 with one, as the Hub answers', async () => {
    const anonymous = await fetch(`${hub.url}/api/datasets/o/missing`);
    expect([anonymous.status, anonymous.headers.get('x-error-code'), await anonymous.json()]).toEqual([401, 'RepoNotFound', { error: 'Repository not found' }]);
    const known = await fetch(`${hub.url}/api/datasets/o/missing`, { headers: { Authorization: `Bearer ${OTHER}` } });
    expect(known.status).toBe(404);
    await expect(collect(listFiles({ repo: { type: 'dataset', name: 'o/missing' }, hubUrl: hub.url }))).rejects.toMatchObject({ statusCode: 401 });
  });

  it('an unknown entry: 404 EntryNotFound', async () => {
    const res = await fetch(`${hub.url}/datasets/o/ds/resolve/main/nope.jsonl`);
    expect([res.status, res.headers.get('x-error-code')]).toEqual([404, 'EntryNotFound']);
  });
});

describe('fake hub: gated and private datasets', () => {
  let hub: FakeHub;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'fake-hub-'));
    writeRepo(root, 'o/gated', { '.gated': `# granted\n${TOKEN}\n`, 'train.jsonl': '{"a":1}\n' });
    writeRepo(root, 'o/secret', { '.private': `${TOKEN}\n`, 'train.jsonl': '{"a":1}\n' });
    writeRepo(root, 'o/public', { 'train.jsonl': '{"a":1}\n' });
    hub = await startFakeHub({ root, tokens: [OTHER] });
  });
  afterAll(async () => {
    await hub.close();
    rmSync(root, { recursive: true, force: true });
  });

  const status = async (u: string, token?: string) => {
    const res = await fetch(hub.url + u, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
    return [res.status, res.headers.get('x-error-code'), ((await res.json().catch(() => ({}))) as { error?: string }).error ?? 'ok'];
  };

  it('gated: info and listing are public, the files need a granted token', async () => {
    const info = await datasetInfo({ name: 'o/gated', hubUrl: hub.url });
    expect(info.gated).toBe('manual');
    const listed = await collect(listFiles({ repo: { type: 'dataset', name: 'o/gated' }, hubUrl: hub.url }));
    expect(listed.map((e) => e.path)).toEqual(['train.jsonl']);
    const file = '/datasets/o/gated/resolve/main/train.jsonl';
    expect(await status(file)).toEqual([401, 'GatedRepo', expect.stringMatching(/^Access to dataset o\/gated is restricted\. You must have access to it and be authenticated/)]);
    expect(await status(file, OTHER)).toEqual([403, 'GatedRepo', expect.stringMatching(/not in the authorized list/)]);
    expect(await status(file, 'hf_nobody_knows_this')).toEqual([401, null, 'Invalid credentials in Authorization header']);
    expect((await fetch(hub.url + file, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect(await status('/datasets/o/gated/resolve/main/.gated', TOKEN)).toEqual([404, 'EntryNotFound', 'Entry not found']);
  });

  it('@huggingface/hub surfaces the gated refusal as a HubApiError with the status', async () => {
    await expect(downloadFile({ repo: { type: 'dataset', name: 'o/gated' }, path: 'train.jsonl', hubUrl: hub.url })).rejects.toMatchObject({ statusCode: 401 });
    const blob = await downloadFile({ repo: { type: 'dataset', name: 'o/gated' }, path: 'train.jsonl', hubUrl: hub.url, accessToken: TOKEN });
    expect(await blob?.text()).toBe('{"a":1}\n');
  });

  it('private: not found without a granted token, everything with it', async () => {
    expect(await status('/api/datasets/o/secret')).toEqual([401, 'RepoNotFound', 'Repository not found']);
    expect(await status('/api/datasets/o/secret', OTHER)).toEqual([404, 'RepoNotFound', 'Repository not found']);
    expect((await status('/api/datasets/o/secret', TOKEN))[0]).toBe(200);
    expect((await status('/api/datasets/o/secret/tree/main', TOKEN))[0]).toBe(200);
  });

  it('an unknown token is refused even on a public dataset; the log never holds a token', async () => {
    expect(await status('/api/datasets/o/public', 'hf_nobody_knows_this')).toEqual([401, null, 'Invalid credentials in Authorization header']);
    expect((await status('/api/datasets/o/public', OTHER))[0]).toBe(200);
    expect(JSON.stringify(hub.requests)).not.toMatch(/hf_/);
    expect(hub.requests.some((r) => r.authorized)).toBe(true);
  });
});

describe('fake hub: faults', () => {
  let hub: FakeHub;
  let root: string;
  const content = bytes(300_000);
  const file = () => `${hub.url}/datasets/o/f/resolve/main/big.parquet`;
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'fake-hub-'));
    writeRepo(root, 'o/f', { 'big.parquet': content, 'small.jsonl': '{}\n' });
    hub = await startFakeHub({ root });
  });
  afterEach(() => hub.setFaults({}));
  afterAll(async () => {
    await hub.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('status5xx fails exactly the next N matching requests', async () => {
    hub.setFaults({ status5xx: { status: 500, count: 2, path: 'big.parquet' } });
    expect((await fetch(`${hub.url}/datasets/o/f/resolve/main/small.jsonl`)).status).toBe(200);
    expect((await fetch(file())).status).toBe(500);
    const second = await fetch(file());
    expect([second.status, await second.json()]).toEqual([500, { error: 'Internal Error' }]);
    expect((await fetch(file())).status).toBe(200);
    hub.setFaults({ status5xx: { count: 1 } });
    expect((await fetch(`${hub.url}/api/datasets/o/f`)).status).toBe(503);
    expect((await fetch(`${hub.url}/api/datasets/o/f`)).status).toBe(200);
  });

  it('failAfterBytes drops the connection mid-body, once by default', async () => {
    hub.setFaults({ failAfterBytes: { bytes: 100_000 } });
    const res = await fetch(file());
    expect(res.status).toBe(200);
    const received = await readUntilError(res);
    expect(received.error).toBeDefined();
    expect(received.bytes).toBe(100_000);
    expect(hub.requests.at(-1)).toMatchObject({ fault: 'cut', bytes: 100_000 });
    expect((await (await fetch(file())).arrayBuffer()).byteLength).toBe(content.length);
  });

  it('failAfterBytes every time, also within a range', async () => {
    hub.setFaults({ failAfterBytes: { bytes: 10, times: Infinity } });
    for (let i = 0; i < 3; i++) {
      const res = await fetch(file(), { headers: { Range: 'bytes=1000-1999' } });
      expect(res.status).toBe(206);
      expect((await readUntilError(res)).bytes).toBe(10);
    }
  });

  it('ignoreRange answers 200 with the whole file', async () => {
    hub.setFaults({ ignoreRange: true });
    const res = await fetch(file(), { headers: { Range: 'bytes=0-9' } });
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBe(content.length);
  });

  it('latency delays each response', async () => {
    hub.setFaults({ latencyMs: 150 });
    const t0 = performance.now();
    await (await fetch(`${hub.url}/api/datasets/o/f`)).json();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('throttle holds every body to the rate, shared between downloads', async () => {
    hub.setFaults({ throttle: 1_000_000 });
    const t0 = performance.now();
    await Promise.all([fetch(file()).then((r) => r.arrayBuffer()), fetch(file()).then((r) => r.arrayBuffer())]);
    const seconds = (performance.now() - t0) / 1000;
    expect(seconds).toBeGreaterThanOrEqual(0.5);
    expect(seconds).toBeLessThan(3);
  });
});

describe('fake hub: close', () => {
  it('closes while a throttled download is in flight, leaving no timer behind', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'fake-hub-'));
    writeRepo(root, 'o/f', { 'big.parquet': bytes(1_000_000) });
    const timersBefore = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const hub = await startFakeHub({ root, faults: { throttle: 100_000, latencyMs: 5 } });
    const res = await fetch(`${hub.url}/datasets/o/f/resolve/main/big.parquet`);
    const reading = readUntilError(res);
    const t0 = performance.now();
    await hub.close();
    expect(performance.now() - t0).toBeLessThan(2000);
    expect((await reading).error).toBeDefined();
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBeLessThanOrEqual(timersBefore);
    rmSync(root, { recursive: true, force: true });
  });
});

async function readUntilError(res: Response): Promise<{ bytes: number; error?: unknown }> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  let n = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes: n };
      n += value.byteLength;
    }
  } catch (error) {
    return { bytes: n, error };
  }
}

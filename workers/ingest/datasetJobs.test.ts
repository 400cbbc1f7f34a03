import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blobSource } from '../../src/core/decode/blobSource';
import type { ByteSource } from '../../src/core/decode/types';
import { featuresAt } from '../../src/core/featureColumns';
import { openTrajectoryStore, StorageFullError, type TrajectoryStore } from '../store';
import type { DatasetStatus } from '../datasetsApi';
import { countInputs } from '../tokens/tokenJob';
import { DatasetJobs } from './datasetJobs';

const GENERATED = path.resolve(import.meta.dirname, '../../fixtures/generated');
const fixture = (rel: string, name = path.basename(rel)) => ({ path: name, file: new File([readFileSync(path.join(GENERATED, rel))], name) });
const SWE_ZERO = 'AlienKevin/SWE-ZERO-1k-trajectories-32k-jsonl/data/train-00000-of-00002.jsonl';
const OPEN_SWE = 'nvidia/Open-SWE-Traces/data/sweagent/qwen35_122b/train-00000-of-00001.parquet';

let n = 0;
const stores: TrajectoryStore[] = [];

async function jobs(wrap: (s: TrajectoryStore) => TrajectoryStore = (s) => s) {
  const store = await openTrajectoryStore(`jobs-${++n}`);
  stores.push(store);
  const counter = { size: 2, sizeWhileStoring: 1, count: async (inputs: Parameters<typeof countInputs>[0]) => countInputs(inputs) };
  const j: DatasetJobs = new DatasetJobs({
    store: wrap(store),
    counter,
    now: () => performance.now(),
    openShard: async (d, shard): Promise<ByteSource> => {
      const file = j.files(d.key)?.get(shard.path);
      if (!file) throw new Error(`${shard.path} is not at hand`);
      return blobSource(file, shard.path);
    },
  });
  return { j, store };
}

afterEach(() => stores.splice(0).forEach((s) => s.close()));

/** Jobs that pause a dataset right after its first batch is stored: a pause that surely lands mid-file. */
async function pausingJobs() {
  let pauseKey: string | undefined;
  let jobsRef: DatasetJobs | undefined;
  const made = await jobs((s) => {
    const commitBatch = s.commitBatch.bind(s);
    s.commitBatch = async (b) => {
      await commitBatch(b);
      if (pauseKey !== undefined) void jobsRef?.pause(pauseKey);
      pauseKey = undefined;
    };
    return s;
  });
  jobsRef = made.j;
  return { ...made, pauseAfterFirstCommit: (key: string) => (pauseKey = key) };
}

async function settle(j: DatasetJobs, key: string): Promise<DatasetStatus> {
  for (;;) {
    const s = (await j.statuses()).find((d) => d.key === key);
    if (s && s.state !== 'ingesting') {
      await j.tokens.idle();
      return s;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('DatasetJobs on local files', () => {
  it('ingests every file into the store and fills exact token counts in', async () => {
    const { j, store } = await jobs();
    const key = await j.startLocal({ label: 'two', files: [fixture(SWE_ZERO), fixture(OPEN_SWE)], mode: { kind: 'full' } });
    const status = await settle(j, key);
    expect(status.state).toBe('done');
    expect(status.shards.map((s) => [s.path, s.state, s.format])).toEqual([
      ['train-00000-of-00001.parquet', 'done', 'open-swe-traces'],
      ['train-00000-of-00002.jsonl', 'done', 'swe-zero'],
    ]);
    expect(status.rows).toBe(status.shards.reduce((a, s) => a + s.rowsDone, 0));
    const table = await store.loadFeatureTable(key);
    expect(table.n).toBe(status.rows);
    expect(Array.from(table.tokensExact).every((x) => x === 1)).toBe(true);
    const t = await store.getTrajectory(key, table.ids[0] as string);
    expect(t?.id).toBe(table.ids[0]);
    expect(featuresAt(table, 0).nMessages).toBe(t?.messages.length);
  });

  it('samples the first N rows of a file', async () => {
    const { j } = await jobs();
    const key = await j.startLocal({ label: 'sample', files: [fixture(SWE_ZERO)], mode: { kind: 'sample', rows: 7 } });
    const status = await settle(j, key);
    expect(status.rows).toBe(7);
    expect(status.state).toBe('done');
  });

  it('pauses between batches and resumes without loss or duplicates', async () => {
    const { j, store, pauseAfterFirstCommit } = await pausingJobs();
    const key = await j.startLocal({ label: 'p', files: [fixture(OPEN_SWE)], mode: { kind: 'full' } });
    pauseAfterFirstCommit(key);
    const paused = await settle(j, key);
    expect(paused.state).toBe('paused');
    expect(paused.rows).toBeGreaterThan(0);
    expect(paused.rows).toBeLessThan(8);
    await j.resume(key, {});
    const done = await settle(j, key);
    expect(done.state).toBe('done');
    const table = await store.loadFeatureTable(key);
    expect(new Set(table.ids).size).toBe(table.n);
    expect(table.n).toBe(8);
  });

  it('names a broken file and still reads the others', async () => {
    const { j } = await jobs();
    const key = await j.startLocal({ label: 'mixed', files: [fixture('broken/truncated.parquet'), fixture(SWE_ZERO)], mode: { kind: 'full' } });
    const status = await settle(j, key);
    expect(status.state).toBe('error');
    const broken = status.shards.find((s) => s.path === 'truncated.parquet');
    expect(broken?.state).toBe('error');
    expect(broken?.error).toMatch(/^truncated\.parquet: /);
    expect(status.shards.find((s) => s.path.endsWith('.jsonl'))?.state).toBe('done');
  });

  it('re-ingesting the same files replaces rows, never duplicates them', async () => {
    const { j, store } = await jobs();
    const files = [fixture(SWE_ZERO)];
    const key = await j.startLocal({ label: 'again', files, mode: { kind: 'full' } });
    const first = await settle(j, key);
    await j.startLocal({ label: 'again', files, mode: { kind: 'sample', rows: 5 } });
    const second = await settle(j, key);
    expect(second.rows).toBe(5);
    expect(await store.countTrajectories(key)).toBe(5);
    await j.startLocal({ label: 'again', files, mode: { kind: 'full' } });
    expect((await settle(j, key)).rows).toBe(first.rows);
    expect(await store.countTrajectories(key)).toBe(first.rows);
  });

  it('stops cleanly when storage is full, keeping what was stored', async () => {
    let commits = 0;
    const { j, store } = await jobs((s) => {
      const commitBatch = s.commitBatch.bind(s);
      s.commitBatch = async (b) => {
        if (++commits > 1) throw new StorageFullError('rows of train.jsonl', 100e6, 100e6);
        return commitBatch(b);
      };
      return s;
    });
    const lines = Array.from({ length: 250 }, (_, i) => JSON.stringify({ instance_id: `o__r-${i}`, messages: [{ role: 'user', content: `t${i}` }] })).join('\n');
    const key = await j.startLocal({ label: 'full', files: [{ path: 'train.jsonl', file: new File([lines], 'train.jsonl') }], mode: { kind: 'full' } });
    const status = await settle(j, key);
    expect(status.state).toBe('paused');
    expect(status.message).toMatch(/Browser storage is full/);
    expect(status.rows).toBe(100);
    expect(await store.countTrajectories(key)).toBe(100);
  });

  it('counts tokens only once the rows are stored when the pool has no worker to spare meanwhile', async () => {
    const store = await openTrajectoryStore(`jobs-${++n}`);
    stores.push(store);
    const events: string[] = [];
    const commitBatch = store.commitBatch.bind(store);
    store.commitBatch = async (b) => {
      await commitBatch(b);
      events.push('commit');
    };
    const counter = {
      size: 1,
      sizeWhileStoring: 0,
      count: async (inputs: Parameters<typeof countInputs>[0]) => {
        events.push('count');
        return countInputs(inputs);
      },
    };
    const j: DatasetJobs = new DatasetJobs({ store, counter, now: () => performance.now(), openShard: async (d, shard) => blobSource(j.files(d.key)?.get(shard.path) as File, shard.path) });
    const key = await j.startLocal({ label: 'two cores', files: [fixture(OPEN_SWE)], mode: { kind: 'full' } });
    const status = await settle(j, key);
    await j.tokens.idle();
    expect(status.state).toBe('done');
    const commits = events.filter((e) => e === 'commit').length;
    expect(commits).toBeGreaterThan(1);
    expect(events.slice(0, commits)).toEqual(Array.from({ length: commits }, () => 'commit'));
    expect(events.length).toBeGreaterThan(commits);
    expect((await j.statuses()).find((d) => d.key === key)?.tokensPending).toBe(0);
  });

  it('stores every row without waiting for token counts, which all arrive later from the store', async () => {
    const store = await openTrajectoryStore(`jobs-${++n}`);
    stores.push(store);
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const counted: number[] = [];
    const counter = {
      size: 1,
      sizeWhileStoring: 1,
      count: async (inputs: Parameters<typeof countInputs>[0]) => {
        await gate;
        counted.push(inputs.length);
        return countInputs(inputs);
      },
    };
    const j: DatasetJobs = new DatasetJobs({ store, counter, now: () => performance.now(), openShard: async (d, shard) => blobSource(j.files(d.key)?.get(shard.path) as File, shard.path) });
    const texts = Array.from({ length: 1000 }, (_, i) => `row ${i}: ${'lorem ipsum '.repeat(i % 7)}`);
    const lines = texts.map((t, i) => JSON.stringify({ instance_id: `o__r-${i}`, messages: [{ role: 'user', content: t }] })).join('\n');
    const key = await j.startLocal({ label: 'slow tokens', files: [{ path: 'train.jsonl', file: new File([lines], 'train.jsonl') }], mode: { kind: 'full' } });
    let stored: DatasetStatus | undefined;
    while (stored?.state !== 'done') {
      await new Promise((r) => setTimeout(r, 5));
      stored = (await j.statuses()).find((d) => d.key === key);
    }
    expect(stored.rows).toBe(1000);
    expect(stored.tokensPending).toBe(1000);
    expect(counted).toEqual([]);
    open();
    await j.tokens.idle();
    expect(counted).toEqual(Array.from({ length: 10 }, () => 100));
    const table = await store.loadFeatureTable(key);
    expect(Array.from(table.tokensExact).every((x) => x === 1)).toBe(true);
    const exact = countInputs(texts.map((t) => ({ roles: ['user'], texts: [t] })));
    expect(Array.from(table.num.tokens)).toEqual(exact.map((e) => e.total));
    expect((await j.statuses()).find((d) => d.key === key)?.tokensPending).toBe(0);
  });

  it('a local dataset without its files after a reload says it needs them', async () => {
    const { j, store, pauseAfterFirstCommit } = await pausingJobs();
    const key = await j.startLocal({ label: 'gone', files: [fixture(OPEN_SWE)], mode: { kind: 'full' } });
    pauseAfterFirstCommit(key);
    await settle(j, key);
    const counter = { size: 1, sizeWhileStoring: 0, count: async (inputs: Parameters<typeof countInputs>[0]) => countInputs(inputs) };
    const fresh = new DatasetJobs({ store, counter, now: () => 0, openShard: async () => blobSource(new Blob([]), 'x') });
    const status = (await fresh.statuses()).find((d) => d.key === key);
    expect(status?.state).toBe('needs-files');
  });

  it('pushes the first change after a quiet spell at once, later ones at most every 200 ms', async () => {
    const store = await openTrajectoryStore(`jobs-${++n}`);
    stores.push(store);
    let clock = 1000;
    const counter = { size: 1, sizeWhileStoring: 0, count: async (inputs: Parameters<typeof countInputs>[0]) => countInputs(inputs) };
    const j = new DatasetJobs({ store, counter, now: () => clock, openShard: async () => blobSource(new Blob([]), 'x') });
    let pushes = 0;
    j.watch(() => pushes++);
    await vi.waitFor(() => expect(pushes).toBe(1));
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    // Lets the store's reads finish without moving the fake clock (vi.waitFor would advance it).
    const settled = async () => {
      for (let i = 0; i < 200; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    try {
      await j.remove('no such dataset');
      await vi.advanceTimersByTimeAsync(0);
      await settled();
      expect(pushes).toBe(2);
      clock += 50;
      await j.remove('no such dataset');
      await vi.advanceTimersByTimeAsync(149);
      await settled();
      expect(pushes).toBe(2);
      await vi.advanceTimersByTimeAsync(1);
      await settled();
      expect(pushes).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});

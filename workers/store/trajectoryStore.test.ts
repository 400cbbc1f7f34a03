import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { featuresAt } from '../../src/core/featureColumns';
import { computeFeatures } from '../../src/core/features';
import { countTokens } from '../../src/core/tokens';
import { DB_VERSION, MAX_ERROR_SAMPLES, openTrajectoryStore, StoreClosedError, type ShardInput, type ShardRecord, type TrajectoryStore } from './index';
import { batch, dataset, shard, trajectory } from './testData';

let dbCount = 0;
const open: TrajectoryStore[] = [];

async function freshStore(name = `test-${++dbCount}`): Promise<TrajectoryStore> {
  const store = await openTrajectoryStore(name);
  open.push(store);
  return store;
}

afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

/** A dataset with one registered shard. */
async function withShard(store: TrajectoryStore, datasetKey = 'ds', path = 'data/train-0.jsonl'): Promise<ShardInput> {
  await store.putDataset(dataset(datasetKey));
  const s = shard(datasetKey, path);
  await store.putShards([s]);
  return s;
}

async function stored(store: TrajectoryStore, key: string): Promise<ShardRecord> {
  const s = await store.getShard(key);
  if (!s) throw new Error(`shard ${key} missing`);
  return s;
}

/** Commits `[from, to)` in batches of `size`, each after the stored progress, as the orchestrator does. */
async function ingest(store: TrajectoryStore, s: ShardInput, from: number, to: number, size: number, opts: Parameters<typeof batch>[3] = {}) {
  for (let first = from; first < to; first += size) {
    await store.commitBatch(batch(await stored(store, s.key), first, Math.min(to, first + size), opts));
  }
}

describe('datasets', () => {
  it('round-trip, list, keep their creation time, and never store a token', async () => {
    const store = await freshStore();
    const input = { ...dataset('hub:org/traces'), commit: 'abc123', token: 'hf_secret', source: { ...dataset('x').source, accessToken: 'hf_secret' } };
    const first = await store.putDataset(input);
    expect(first).toMatchObject({ ...dataset('hub:org/traces'), commit: 'abc123' });
    expect(JSON.stringify(await store.getDataset('hub:org/traces'))).not.toContain('hf_secret');
    await new Promise((r) => setTimeout(r, 2));
    const second = await store.putDataset({ ...dataset('hub:org/traces'), mode: 'full' });
    expect(second.created).toBe(first.created);
    expect(second.updated).toBeGreaterThan(first.updated);
    expect((await store.listDatasets()).map((d) => [d.key, d.mode])).toEqual([['hub:org/traces', 'full']]);
  });

  it('refuse an address that carries credentials', async () => {
    const store = await freshStore();
    await expect(store.putDataset({ ...dataset('u'), source: { kind: 'url', url: 'https://x.test/d.parquet?X-Amz-Signature=abc' } })).rejects.toThrow(
      'Dataset u: the address carries credentials (the "X-Amz-Signature" parameter)',
    );
    await expect(store.putDataset({ ...dataset('h'), source: { kind: 'hub', repo: 'o/n', revision: 'main', endpoint: 'https://user:hf_x@hub.test' } })).rejects.toThrow('a user name or password');
    expect(await store.listDatasets()).toEqual([]);
  });
});

describe('shards', () => {
  it('need their dataset, and keep stored progress when their plan or state is put again', async () => {
    const store = await freshStore();
    await expect(store.putShards([shard('nope', 'a.jsonl')])).rejects.toThrow('Cannot add shards to dataset nope: it is not in the store');
    const s = await withShard(store);
    await ingest(store, s, 0, 30, 10);
    await store.putShards([{ ...s, state: 'paused', etag: '"e1"', rowsTotal: 500 }]);
    expect(await store.getShards('ds')).toEqual([expect.objectContaining({ key: s.key, state: 'paused', etag: '"e1"', rowsTotal: 500, rowsDone: 30, bytesDone: 30_000 })]);
  });
});

describe('commitBatch', () => {
  it('stores trajectories and feature columns that read back exactly, in shard and row order', async () => {
    const store = await freshStore();
    const a = await withShard(store, 'ds', 'data/a.jsonl');
    const b = shard('ds', 'data/b.jsonl');
    await store.putShards([b]);
    await ingest(store, a, 0, 25, 10, { errorRows: [3, 17] });
    await ingest(store, b, 0, 12, 5);

    expect(await store.getTrajectory('ds', trajectory('ds', a.path, 11).id)).toEqual(trajectory('ds', a.path, 11));
    expect(await store.getTrajectory('ds', trajectory('ds', a.path, 3).id)).toBeUndefined();
    expect(await store.countTrajectories('ds')).toBe(23 + 12);
    const expectedRows = [...[...Array(25).keys()].filter((r) => r !== 3 && r !== 17).map((r) => [a.path, r]), ...[...Array(12).keys()].map((r) => [b.path, r])];
    const page = await store.trajectoriesOf('ds', { offset: 5, limit: 10 });
    expect(page.map((t) => t.id)).toEqual(expectedRows.slice(5, 15).map(([p, r]) => trajectory('ds', p as string, r as number).id));

    const table = await store.loadFeatureTable('ds');
    expect(table.n).toBe(35);
    expect(Array.from(table.rows)).toEqual(expectedRows.map(([, r]) => r));
    table.ids.forEach((id, i) => {
      const [path, row] = expectedRows[i] as [string, number];
      expect(id).toBe(trajectory('ds', path, row).id);
      expect(featuresAt(table, i)).toEqual(computeFeatures(trajectory('ds', path, row)));
    });
    expect(await stored(store, a.key)).toMatchObject({ rowsDone: 25, errors: 2, errorSamples: [{ row: 3 }, { row: 17 }] });
  });

  it('replaces, never duplicates, when the same batch is committed again', async () => {
    const store = await freshStore();
    const s = await withShard(store);
    await ingest(store, s, 0, 20, 10);
    const before = await stored(store, s.key);
    const again = batch({ ...before, rowsDone: 10, errors: 0, errorSamples: [] }, 10, 20);
    await store.commitBatch(again);
    await store.commitBatch(again);
    expect(await store.countTrajectories('ds')).toBe(20);
    expect((await store.loadFeatureTable('ds')).n).toBe(20);
    expect(await stored(store, s.key)).toEqual(before);
  });

  it('resumes exactly at rowsDone after a reload, with nothing lost or read twice', async () => {
    const name = `resume-${++dbCount}`;
    const first = await freshStore(name);
    const s = await withShard(first);
    await ingest(first, s, 0, 40, 10);
    first.close();

    const second = await freshStore(name);
    const resumeAt = (await stored(second, s.key)).rowsDone;
    expect(resumeAt).toBe(40);
    await ingest(second, s, resumeAt, 73, 10);
    const table = await second.loadFeatureTable('ds');
    expect(Array.from(table.rows)).toEqual([...Array(73).keys()]);
    expect(await second.countTrajectories('ds')).toBe(73);
  });

  it('cuts the shard back when an earlier row range is committed again', async () => {
    const store = await freshStore();
    const s = await withShard(store);
    await ingest(store, s, 0, 30, 10);
    await store.commitBatch(batch({ ...(await stored(store, s.key)), rowsDone: 0, errors: 0, errorSamples: [] }, 0, 15));
    expect(Array.from((await store.loadFeatureTable('ds')).rows)).toEqual([...Array(15).keys()]);
    expect(await store.countTrajectories('ds')).toBe(15);
    expect((await stored(store, s.key)).rowsDone).toBe(15);
  });

  it('refuses a batch that would split a committed one, and keeps what is stored', async () => {
    const store = await freshStore();
    const s = await withShard(store);
    await ingest(store, s, 0, 20, 10);
    await expect(store.commitBatch(batch(await stored(store, s.key), 15, 25))).rejects.toThrow(
      'Cannot save rows 15–24 of shard data/train-0.jsonl (default/train) of dataset ds: it overlaps the saved rows 10–19.',
    );
    expect(await store.countTrajectories('ds')).toBe(20);
  });

  it('refuses a batch that would leave a gap after the saved rows', async () => {
    const store = await freshStore();
    const s = await withShard(store);
    await ingest(store, s, 0, 10, 10);
    await expect(store.commitBatch(batch(await stored(store, s.key), 20, 30))).rejects.toThrow(
      "Cannot save rows 20–29 of shard data/train-0.jsonl (default/train) of dataset ds: the shard's saved rows end before row 10, so rows 10–19 would be skipped.",
    );
    expect((await stored(store, s.key)).rowsDone).toBe(10);
  });

  it('counts every row error but keeps only the first samples', async () => {
    const store = await freshStore();
    const s = await withShard(store);
    await ingest(store, s, 0, 300, 150, { errorRows: [...Array(150).keys()].map((r) => 2 * r) });
    const saved = await stored(store, s.key);
    expect(saved.errors).toBe(150);
    expect(saved.errorSamples).toHaveLength(MAX_ERROR_SAMPLES);
    expect(saved.errorSamples[0]).toEqual({ row: 0, message: 'row 0: invalid JSON' });
    expect(await store.countTrajectories('ds')).toBe(150);
  });

  it('refuses a second row with an id the dataset already holds', async () => {
    const store = await freshStore();
    const a = await withShard(store, 'ds', 'a.jsonl');
    const b = shard('ds', 'b.jsonl');
    await store.putShards([b]);
    await ingest(store, a, 0, 5, 5);
    const copy = batch({ ...a, rowsDone: 0, errors: 0, errorSamples: [] }, 0, 5);
    await expect(store.commitBatch({ ...copy, shard: { ...copy.shard, key: b.key, path: b.path } })).rejects.toThrow(
      'Could not save rows 0–4 of shard b.jsonl (default/train) of dataset ds: a trajectory id in it is already stored at another row of the dataset (ids must be unique within a dataset).',
    );
    expect(await store.countTrajectories('ds')).toBe(5);
  });

  it('names the shard and rows of an inconsistent batch', async () => {
    const store = await freshStore();
    const s = await withShard(store);
    const good = batch({ ...s, rowsDone: 0, errors: 0, errorSamples: [] }, 0, 5);
    await expect(store.commitBatch({ ...good, trajectories: good.trajectories.slice().reverse() })).rejects.toThrow(/rows 0–4 of shard data\/train-0.jsonl .*: trajectory 0 is .*#4 but feature row 0 is .*#0/);
    await expect(store.commitBatch({ ...good, shard: { ...good.shard, rowsDone: 3 } })).rejects.toThrow('is at row 3, outside the batch');
    await expect(store.commitBatch({ ...good, shard: { ...good.shard, key: 'other' } })).rejects.toThrow('the shard is not in the store');
  });
});

/** Trajectories per stored record, in key order, read past the store's API. */
async function groupSizes(dbName: string): Promise<number[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const records = await new Promise<{ trajectories: unknown[] }[]>((resolve, reject) => {
    const request = db.transaction('trajectories').objectStore('trajectories').getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return records.map((r) => r.trajectories.length);
}

describe('trajectory groups', () => {
  it('store a batch as groups by rows and bytes, each trajectory found by id, pages crossing groups', async () => {
    const store = await freshStore();
    const s = await withShard(store);
    // 120 KB rollouts: the 2 MB bound closes a group after 18; small ones close at 32 rows.
    await ingest(store, s, 0, 30, 30, { chars: 120_000, exactTokens: false });
    await ingest(store, s, 30, 70, 40);
    const ids = [...Array(70).keys()].map((r) => trajectory('ds', s.path, r).id);
    expect(await store.countTrajectories('ds')).toBe(70);
    const picked = [69, 0, 8, 9, 29, 30, 45, 46, 8];
    const got = await store.getTrajectories('ds', [...picked.map((r) => ids[r] as string), 'ds/nope#1']);
    expect(got.map((t) => t?.id)).toEqual([...picked.map((r) => ids[r]), undefined]);
    expect(await store.getTrajectory('ds', ids[47] as string)).toEqual(trajectory('ds', s.path, 47));
    const page = await store.trajectoriesOf('ds', { offset: 7, limit: 40 });
    expect(page.map((t) => t.id)).toEqual(ids.slice(7, 47));
    expect(await groupSizes(store.dbName)).toEqual([18, 12, 32, 8]);
  });
});

describe('resetShard and deleteDataset', () => {
  it('reset forgets one shard only', async () => {
    const store = await freshStore();
    const a = await withShard(store, 'ds', 'a.jsonl');
    const b = shard('ds', 'b.jsonl');
    await store.putShards([b]);
    await ingest(store, a, 0, 30, 10, { errorRows: [4] });
    await ingest(store, b, 0, 10, 10);
    await store.resetShard(a.key);
    expect(await stored(store, a.key)).toMatchObject({ rowsDone: 0, bytesDone: 0, errors: 0, errorSamples: [], bytesStored: 0, state: 'pending' });
    expect((await store.loadFeatureTable('ds')).ids).toEqual([...Array(10).keys()].map((r) => trajectory('ds', b.path, r).id));
    expect(await store.countTrajectories('ds')).toBe(10);
    await expect(store.resetShard('missing')).rejects.toThrow('Cannot reset shard missing: it is not in the store.');
  });

  it('delete removes everything of a dataset and nothing of another with the same row ids', async () => {
    const store = await freshStore();
    const doomed = await withShard(store, 'doomed', 'same.jsonl');
    const kept = await withShard(store, 'kept', 'same.jsonl');
    await ingest(store, doomed, 0, 4500, 500);
    await ingest(store, kept, 0, 50, 50);
    await store.deleteDataset('doomed');
    expect(await store.getDataset('doomed')).toBeUndefined();
    expect(await store.getShards('doomed')).toEqual([]);
    expect(await store.countTrajectories('doomed')).toBe(0);
    expect((await store.loadFeatureTable('doomed')).n).toBe(0);
    expect(await store.countTrajectories('kept')).toBe(50);
    expect((await store.loadFeatureTable('kept')).n).toBe(50);
    expect(await store.getTrajectory('kept', trajectory('kept', kept.path, 0).id)).toEqual(trajectory('kept', kept.path, 0));
    await expect(store.commitBatch(batch({ ...doomed, rowsDone: 4500, errors: 0, errorSamples: [] }, 4500, 4510))).rejects.toThrow('the shard is not in the store');
  });
});

describe('feature table', () => {
  it('concatenates many chunks with merged dictionaries', async () => {
    const store = await freshStore();
    const s = await withShard(store);
    await ingest(store, s, 0, 600, 7);
    const table = await store.loadFeatureTable('ds');
    expect(table.n).toBe(600);
    expect([...table.str.language.dict].sort()).toEqual(['go', 'python']);
    expect(table.str.instanceId.dict).toHaveLength(7);
    expect([...table.tools.dict].sort()).toEqual(['bash:find', 'bash:grep', 'bash_block']);
    expect(featuresAt(table, 599)).toEqual(computeFeatures(trajectory('ds', s.path, 599)));
  });
});

describe('exact token counts', () => {
  it('replace the len/4 estimates chunk by chunk', async () => {
    const store = await freshStore();
    const s = await withShard(store);
    await ingest(store, s, 0, 25, 10, { exactTokens: false });
    const pending = await store.pendingTokenChunks('ds');
    expect(pending.map((p) => p.ids.length).sort()).toEqual([10, 10, 5]);
    expect(await store.pendingTokenChunks('ds', 1)).toHaveLength(1);

    for (const chunk of pending) {
      const trajectories = await store.getTrajectories('ds', chunk.ids);
      const updates = trajectories.map((t, i) => ({ id: chunk.ids[i] as string, tokens: countTokens(t?.messages ?? []) }));
      expect(await store.updateChunkTokens(chunk.chunkKey, updates)).toBe(true);
    }
    expect(await store.pendingTokenChunks('ds')).toEqual([]);
    const table = await store.loadFeatureTable('ds');
    expect(Array.from(table.tokensExact)).toEqual(Array(25).fill(1));
    expect(featuresAt(table, 13)).toEqual(computeFeatures(trajectory('ds', s.path, 13)));
  });

  it('skip a chunk that is gone and reject an id it does not hold', async () => {
    const store = await freshStore();
    const s = await withShard(store);
    await ingest(store, s, 0, 10, 10, { exactTokens: false });
    const [chunk] = await store.pendingTokenChunks('ds');
    const tokens = countTokens([]);
    await expect(store.updateChunkTokens(chunk?.chunkKey ?? '', [{ id: 'ds/nope#1', tokens }])).rejects.toThrow('Cannot set token counts of ds/nope#1: feature chunk');
    await store.resetShard(s.key);
    expect(await store.updateChunkTokens(chunk?.chunkKey ?? '', [{ id: chunk?.ids[0] ?? '', tokens }])).toBe(false);
  });
});

describe('usage', () => {
  it('adds up the sizes recorded at commit time, per shard', async () => {
    const store = await freshStore();
    const s = await withShard(store);
    await ingest(store, s, 0, 10, 10, { chars: 10_000 });
    const one = await store.usage('ds');
    expect(one.bytes).toBeGreaterThan(10 * 10_000);
    expect(one.bytes).toBeLessThan(10 * 12_000);
    await ingest(store, s, 10, 20, 10, { chars: 10_000 });
    const two = await store.usage('ds');
    expect(two.bytes).toBeCloseTo(2 * one.bytes, -3);
    expect(two.byShard).toEqual({ [s.key]: two.bytes });
    await store.commitBatch(batch({ ...(await stored(store, s.key)), rowsDone: 10, errors: 0, errorSamples: [] }, 10, 20, { chars: 10_000 }));
    expect((await store.usage('ds')).bytes).toBe(two.bytes);
    await store.resetShard(s.key);
    expect((await store.usage('ds')).bytes).toBe(0);
  });
});

/** A database as version 1 of the store wrote it: the schema of that version and its records. */
async function writeVersion1(name: string, s: ShardInput, rows: number[]): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const v1 = request.result;
      v1.createObjectStore('datasets', { keyPath: 'key' });
      v1.createObjectStore('shards', { keyPath: 'key' }).createIndex('byDataset', 'datasetKey');
      v1.createObjectStore('trajectories', { keyPath: ['datasetKey', 'shardKey', 'row'] }).createIndex('byId', ['datasetKey', 'id'], { unique: true });
      const chunks = v1.createObjectStore('featureChunks', { keyPath: 'key' });
      chunks.createIndex('byDataset', ['datasetKey', 'shardKey', 'firstRow']);
      chunks.createIndex('byShard', ['shardKey', 'firstRow']);
      chunks.createIndex('pendingTokens', ['datasetKey', 'tokensPending']);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(['datasets', 'shards', 'trajectories'], 'readwrite');
  tx.objectStore('datasets').put({ ...dataset('ds'), created: 1, updated: 1 });
  tx.objectStore('shards').put({ ...s, rowsDone: 6, bytesDone: 0, errors: 2, errorSamples: [], bytesStored: 0, state: 'paused' });
  for (const row of rows) tx.objectStore('trajectories').put({ datasetKey: 'ds', id: trajectory('ds', s.path, row).id, shardKey: s.key, row, trajectory: trajectory('ds', s.path, row) });
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

describe('schema versions', () => {
  it('closes on versionchange so a newer tab can upgrade, then says why calls fail', async () => {
    const name = `upgrade-${++dbCount}`;
    let told = 0;
    const store = await openTrajectoryStore(name, { onVersionChange: () => told++ });
    await store.putDataset(dataset('ds'));
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, DB_VERSION + 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked: the old connection stayed open'));
    });
    newer.close();
    expect(told).toBe(1);
    await expect(store.listDatasets()).rejects.toThrow(StoreClosedError);
    await expect(store.listDatasets()).rejects.toThrow('Browser storage is closed: another tab opened a newer version of Trajectory Explorer; reload this page.');
  });

  it('upgrades a version 1 database (one trajectory per record) without losing a row', async () => {
    const name = `v1-${++dbCount}`;
    const s = shard('ds', 'data/train-0.jsonl');
    const rows = [0, 1, 2, 5];
    await writeVersion1(name, s, rows);
    const store = await freshStore(name);
    expect(await store.countTrajectories('ds')).toBe(rows.length);
    for (const row of rows) expect(await store.getTrajectory('ds', trajectory('ds', s.path, row).id)).toEqual(trajectory('ds', s.path, row));
    expect((await store.trajectoriesOf('ds')).map((t) => t.id)).toEqual(rows.map((r) => trajectory('ds', s.path, r).id));
    // Reading on from the stored progress replaces nothing and duplicates nothing.
    await ingest(store, s, 6, 40, 17);
    expect(await store.countTrajectories('ds')).toBe(rows.length + 34);
    await store.resetShard(s.key);
    expect(await store.countTrajectories('ds')).toBe(0);
  });

  it('explains a database written by a newer version', async () => {
    const name = `newer-${++dbCount}`;
    await new Promise<void>((resolve) => {
      const request = indexedDB.open(name, DB_VERSION + 3);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
    await expect(openTrajectoryStore(name)).rejects.toThrow(`was written by a newer version of Trajectory Explorer (this one reads schema ${DB_VERSION})`);
  });
});

describe('compactShard', () => {
  it('merges batch chunks into few big ones without changing rows, tokens, usage or resume', async () => {
    const store = await freshStore();
    const s = await withShard(store);
    await ingest(store, s, 0, 1000, 10, { exactTokens: false, errorRows: [15, 500] });
    const before = await store.loadFeatureTable('ds');
    const usage = await store.usage('ds');
    expect(await store.compactShard(s.key, 300)).toBe(4);
    expect(await store.loadFeatureTable('ds')).toEqual(before);
    expect(await store.usage('ds')).toEqual(usage);
    const pending = await store.pendingTokenChunks('ds');
    expect(pending.map((p) => p.ids.length).sort((a, b) => a - b)).toEqual([100, 299, 299, 300]);
    expect(await store.compactShard(s.key, 300)).toBe(4);

    await ingest(store, s, 1000, 1020, 10);
    expect(Array.from((await store.loadFeatureTable('ds')).rows)).toEqual([...Array(1020).keys()].filter((r) => r !== 15 && r !== 500));
    await expect(store.commitBatch(batch({ ...(await stored(store, s.key)), rowsDone: 590, errors: 0, errorSamples: [] }, 590, 600))).rejects.toThrow('it overlaps the saved rows 300–599');
  });

  it('leaves a shard with an empty file alone', async () => {
    const store = await freshStore();
    const s = await withShard(store);
    await store.commitBatch(batch({ ...s, rowsDone: 0, errors: 0, errorSamples: [] }, 0, 0));
    expect((await stored(store, s.key)).rowsDone).toBe(0);
    expect(await store.compactShard(s.key)).toBe(0);
    expect((await store.loadFeatureTable('ds')).n).toBe(0);
  });
});

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTrajectoryStore, StorageFullError, StoreError, type ShardInput, type TrajectoryStore } from './index';
import { batch, dataset, shard, trajectory } from './testData';

/**
 * How a write fails inside the database, after `after` trajectory puts of a later transaction
 * (a put stores a group of up to 32 trajectories):
 * - 'crash': the transaction is aborted half-way (a tab closed or killed mid-commit);
 * - 'quota-throw': put throws QuotaExceededError;
 * - 'quota-abort': the engine aborts the transaction with QuotaExceededError, as Chromium does when
 *   a commit does not fit (fake-indexeddb's `_abort(name)` is the spec's "abort with error").
 */
type Failure = 'crash' | 'quota-throw' | 'quota-abort';

// fake-indexeddb/auto installs its classes as the globals.
const realPut = IDBObjectStore.prototype.put;

function failTrajectoryPuts(after: number, failure: Failure): void {
  let left = after;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof realPut>) {
    if (this.name !== 'trajectories' || left-- > 0) return realPut.apply(this, args);
    IDBObjectStore.prototype.put = realPut; // one failure: a later transaction fails only by what it checks
    if (failure === 'quota-throw') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const request = realPut.apply(this, args);
    const tx = this.transaction as unknown as { abort(): void; _abort(name: string): void };
    if (failure === 'crash') tx.abort();
    else tx._abort('QuotaExceededError');
    return request;
  };
}

let store: TrajectoryStore;
let s: ShardInput;
let dbCount = 0;

async function setUp(): Promise<void> {
  store = await openTrajectoryStore(`failures-${++dbCount}`);
  await store.putDataset(dataset('ds'));
  s = shard('ds', 'data/train-0.jsonl');
  await store.putShards([s]);
}

async function commit(first: number, end: number): Promise<void> {
  const stored = await store.getShard(s.key);
  if (!stored) throw new Error('shard missing');
  await store.commitBatch(batch(stored, first, end));
}

/** What is stored matches exactly the first `rows` rows. */
async function expectRows(rows: number): Promise<void> {
  expect((await store.getShard(s.key))?.rowsDone).toBe(rows);
  expect(await store.countTrajectories('ds')).toBe(rows);
  expect(Array.from((await store.loadFeatureTable('ds')).rows)).toEqual([...Array(rows).keys()]);
  expect(await store.getTrajectory('ds', trajectory('ds', s.path, rows).id)).toBeUndefined();
}

const realDelete = IDBObjectStore.prototype.delete;

/** A tab that closes part-way through deleting: the transaction of delete request `after + 1` is aborted. */
function crashDeletesAfter(after: number): void {
  let left = after;
  IDBObjectStore.prototype.delete = function (this: IDBObjectStore, ...args: Parameters<typeof realDelete>) {
    const request = realDelete.apply(this, args);
    if (left-- <= 0) this.transaction.abort();
    return request;
  };
}

afterEach(() => {
  IDBObjectStore.prototype.put = realPut;
  IDBObjectStore.prototype.delete = realDelete;
  vi.unstubAllGlobals();
  store.close();
});

describe('a commit that fails inside the database', () => {
  it('keeps every earlier batch and resumes at the last committed row after a crash', async () => {
    await setUp();
    await commit(0, 100);
    await commit(100, 200);
    const usage = await store.usage('ds');
    failTrajectoryPuts(3, 'crash');
    await expect(commit(200, 300)).rejects.toThrow(
      new StoreError('Could not save rows 200–299 of shard data/train-0.jsonl (default/train) of dataset ds: the transaction was aborted before it finished and changed nothing, so it is safe to run again.'),
    );
    IDBObjectStore.prototype.put = realPut;
    await expectRows(200);
    expect(await store.usage('ds')).toEqual(usage);
    await commit(200, 300);
    await expectRows(300);
  });

  it.each<Failure>(['quota-throw', 'quota-abort'])('surfaces a full disk (%s) as StorageFullError with the usage, leaving the store consistent', async (failure) => {
    await setUp();
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 812_400_000, quota: 820_000_000 }) } });
    await commit(0, 100);
    failTrajectoryPuts(3, failure);
    const error = await commit(100, 200).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as StorageFullError).message).toBe(
      'Browser storage is full: 812 MB used of 820 MB. Could not save rows 100–199 of shard data/train-0.jsonl (default/train) of dataset ds; everything saved before is kept. Delete a dataset or use sample mode to free space, then resume.',
    );
    expect(error).toMatchObject({ usedBytes: 812_400_000, quotaBytes: 820_000_000 });
    IDBObjectStore.prototype.put = realPut;
    await expectRows(100);
    await commit(100, 200);
    await expectRows(200);
  });

  it('a batch committed right behind a failed one fails too, so no rows are skipped', async () => {
    await setUp();
    await commit(0, 100);
    const stored = await store.getShard(s.key);
    if (!stored) throw new Error('shard missing');
    failTrajectoryPuts(3, 'crash');
    const first = store.commitBatch(batch(stored, 100, 200));
    // Issued before the first settles, as an ingest with two commits under way does.
    const second = store.commitBatch(batch({ ...stored, rowsDone: 200 }, 200, 300));
    await expect(first).rejects.toThrow('the transaction was aborted before it finished');
    await expect(second).rejects.toThrow('so rows 100–199 would be skipped');
    IDBObjectStore.prototype.put = realPut;
    await expectRows(100);
  });

  it('an interrupted reset leaves no stale rows in the feature table, and the next ingest clears them', async () => {
    await setUp();
    // Enough rows for more than one delete slice (200 groups of up to 32).
    for (let first = 0; first < 10_000; first += 500) await commit(first, first + 500);
    crashDeletesAfter(1);
    await expect(store.resetShard(s.key)).rejects.toThrow(/^Could not delete trajectories of shard data\/train-0.jsonl \(default\/train\) of dataset ds: the transaction was aborted before it finished and changed nothing, so it is safe to run again.$/);
    IDBObjectStore.prototype.delete = realDelete;
    expect((await store.getShard(s.key))?.rowsDone).toBe(0);
    const left = await store.countTrajectories('ds');
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(10_000);
    expect((await store.loadFeatureTable('ds')).n).toBe(0);
    await commit(0, 50);
    await expectRows(50);
  });

  it('says so when the browser does not report its usage', async () => {
    await setUp();
    failTrajectoryPuts(0, 'quota-throw');
    await expect(commit(0, 10)).rejects.toThrow('Browser storage is full (the browser does not say how much is used). Could not save rows 0–9 of shard');
  });
});

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { countTokens } from '../../src/core/tokens';
import { chunkKeyOf, openTrajectoryStore, shardKeyOf, type ShardInput, type TrajectoryStore } from './index';
import { parseChunkKey } from './schema';
import { batch, dataset, shard } from './testData';

let dbCount = 0;
const open: TrajectoryStore[] = [];

async function freshStore(): Promise<TrajectoryStore> {
  const store = await openTrajectoryStore(`manifest-${++dbCount}`);
  open.push(store);
  return store;
}

afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

async function ingest(store: TrajectoryStore, s: ShardInput, from: number, to: number, size: number, exactTokens = true): Promise<void> {
  for (let first = from; first < to; first += size) {
    const stored = await store.getShard(s.key);
    if (!stored) throw new Error(`shard ${s.key} missing`);
    await store.commitBatch(batch(stored, first, Math.min(to, first + size), { exactTokens }));
  }
}

describe('featureManifest', () => {
  it('lists chunks in shard and row order with their place, the pending ones, progress and the dataset time', async () => {
    const store = await freshStore();
    const created = await store.putDataset(dataset('ds'));
    const b = shard('ds', 'data/b.jsonl');
    const a = shard('ds', 'data/a.jsonl');
    await store.putShards([b, a]);
    await ingest(store, b, 0, 12, 5, false);
    await ingest(store, a, 0, 25, 10);

    const manifest = await store.featureManifest('ds');
    const expected = [...[0, 10, 20].map((r) => [a.key, r] as const), ...[0, 5, 10].map((r) => [b.key, r] as const)].sort(([ka, ra], [kb, rb]) => (ka < kb ? -1 : ka > kb ? 1 : ra - rb));
    expect(manifest?.chunks).toEqual(expected.map(([shardKey, firstRow]) => ({ key: chunkKeyOf(shardKey, firstRow), shardKey, firstRow })));
    expect([...(manifest?.pending ?? [])].sort()).toEqual([0, 5, 10].map((r) => chunkKeyOf(b.key, r)).sort());
    expect(manifest?.progress).toEqual({ [a.key]: 25, [b.key]: 12 });
    expect(manifest?.updated).toBe(created.updated);

    const [first] = await store.pendingTokenChunks('ds', 1);
    if (!first) throw new Error('no pending chunk');
    const trajectories = await store.getTrajectories('ds', first.ids);
    await store.updateChunkTokens(first.chunkKey, first.ids.map((id, i) => ({ id, tokens: countTokens(trajectories[i]?.messages ?? []) })));
    expect((await store.featureManifest('ds'))?.pending).not.toContain(first.chunkKey);
  });

  it('shows a reset as progress back to 0, and a dataset that is not stored as undefined', async () => {
    const store = await freshStore();
    await store.putDataset(dataset('ds'));
    const s = shard('ds', 'a.jsonl');
    await store.putShards([s]);
    await ingest(store, s, 0, 20, 10);
    await store.resetShard(s.key);
    expect(await store.featureManifest('ds')).toMatchObject({ progress: { [s.key]: 0 }, chunks: [] });
    expect(await store.featureManifest('nope')).toBeUndefined();
  });
});

describe('featureChunks', () => {
  it('returns the chunks asked for in the order asked, leaving out unknown keys and other datasets', async () => {
    const store = await freshStore();
    for (const key of ['ds', 'other']) {
      await store.putDataset(dataset(key));
      const s = shard(key, 'a.jsonl');
      await store.putShards([s]);
      await ingest(store, s, 0, 30, 10);
    }
    const s = shard('ds', 'a.jsonl');
    const keys = [20, 0].map((r) => chunkKeyOf(s.key, r));
    const got = await store.featureChunks('ds', [...keys, 'missing', chunkKeyOf(shard('other', 'a.jsonl').key, 0)]);
    expect(got.map((c) => [c.key, c.firstRow, c.rowEnd, c.chunk.n])).toEqual([
      [keys[0], 20, 30, 10],
      [keys[1], 0, 10, 10],
    ]);
    expect((await store.featureChunks('ds')).map((c) => c.firstRow)).toEqual([0, 10, 20]);

  });
});

describe('parseChunkKey', () => {
  it('inverts chunkKeyOf whatever the shard key holds', () => {
    const shardKey = shardKeyOf('hub|x|o/n@main', 'cfg#1', 'train', 'data/#weird#.parquet');
    expect(parseChunkKey(chunkKeyOf(shardKey, 1200))).toEqual({ key: chunkKeyOf(shardKey, 1200), shardKey, firstRow: 1200 });
  });
});

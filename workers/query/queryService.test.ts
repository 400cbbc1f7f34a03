import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { COLUMNS, extraDescriptor, TableQuery, type ColumnId, type SortSpec } from '../../src/core/query';
import { countTokens } from '../../src/core/tokens';
import { openTrajectoryStore, type ShardInput, type TrajectoryStore } from '../store';
import { batch, dataset, shard } from '../store/testData';
import { QueryService } from './queryService';

/** With the raw column every test row carries (`extra: { row }`, see ../store/testData.ts). */
const ALL: ColumnId[] = [...COLUMNS.map((c) => c.id), 'extra:row'];
const SORT: SortSpec = [{ column: 'language', desc: false }, { column: 'tokens', desc: true }];

let dbCount = 0;
const opened: TrajectoryStore[] = [];

async function setup(datasetKey = 'ds', paths = ['data/b.jsonl']) {
  const store = await openTrajectoryStore(`query-${++dbCount}`);
  opened.push(store);
  await store.putDataset(dataset(datasetKey));
  const shards = paths.map((p) => shard(datasetKey, p));
  await store.putShards(shards);
  const service = new QueryService(async () => store);
  return { store, shards, service };
}

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

async function ingest(store: TrajectoryStore, s: ShardInput, rows: number, size = 10, exactTokens = false): Promise<void> {
  const stored = await store.getShard(s.key);
  if (!stored) throw new Error(`shard ${s.key} missing`);
  const start = stored.rowsDone;
  for (let first = start; first < start + rows; first += size) {
    const current = await store.getShard(s.key);
    await store.commitBatch(batch(current as typeof stored, first, Math.min(start + rows, first + size), { exactTokens, chars: 40 + (first % 300) }));
  }
}

/** Exact counts for up to `chunks` pending chunks, as the token backfill writes them. */
async function countSome(store: TrajectoryStore, datasetKey: string, chunks: number): Promise<void> {
  for (const pending of await store.pendingTokenChunks(datasetKey, chunks)) {
    const trajectories = await store.getTrajectories(datasetKey, pending.ids);
    await store.updateChunkTokens(pending.chunkKey, pending.ids.map((id, i) => ({ id, tokens: countTokens(trajectories[i]?.messages ?? []) })));
  }
}

/** What a view must hold: the same query over a table loaded from scratch. */
async function fromScratch(store: TrajectoryStore, datasetKey: string, sort: SortSpec = SORT) {
  const { matched, total, rows } = new TableQuery(await store.loadFeatureTable(datasetKey)).view({ sort, offset: 0, limit: 5000, columns: ALL });
  return { matched, total, rows };
}

async function served(service: QueryService, datasetKey: string, sort: SortSpec = SORT) {
  const { matched, total, rows } = await service.view({ datasetKey, sort, offset: 0, limit: 5000, columns: ALL });
  return { matched, total, rows };
}

describe('QueryService', () => {
  it('opens a stored dataset and serves views, column summaries and row positions', async () => {
    const { store, shards, service } = await setup();
    await ingest(store, shards[0] as ShardInput, 45, 10, true);
    expect(await service.open('ds')).toEqual({ datasetKey: 'ds', rows: 45, revision: 1, tokensPending: 0, extraColumns: [extraDescriptor('row', 'number')] });
    const expected = await fromScratch(store, 'ds');
    expect(await served(service, 'ds')).toEqual(expected);
    const window = await service.view({ datasetKey: 'ds', sort: SORT, filter: { values: { language: ['go'] } }, offset: 5, limit: 3, columns: ['id', 'language'] });
    expect(window.rows.map((r) => [r.position, r.values.language])).toEqual([
      [5, 'go'],
      [6, 'go'],
      [7, 'go'],
    ]);
    const last = expected.rows.at(-1);
    expect(await service.rowIndexOf('ds', last?.id ?? '', SORT)).toBe(44);
    expect(await service.rowIndexOf('ds', last?.id ?? '', SORT, { values: { outcome: [] } })).toBe(-1);
    const language = (await service.columns('ds')).find((c) => c.id === 'language');
    expect(language?.values?.map((v) => v.value).sort()).toEqual(['go', 'python']);
  });

  it("sorts and filters by the dataset's raw columns, and says so when one is unknown", async () => {
    const { store, shards, service } = await setup();
    await ingest(store, shards[0] as ShardInput, 25, 10);
    const byRow = await service.view({ datasetKey: 'ds', sort: [{ column: 'extra:row', desc: true }], filter: { ranges: { 'extra:row': { min: 5, max: 20 } } }, offset: 0, limit: 100, columns: ['extra:row'] });
    expect(byRow.rows.map((r) => r.values['extra:row'])).toEqual(Array.from({ length: 16 }, (_, k) => 20 - k));
    const info = (await service.columns('ds')).find((c) => c.id === 'extra:row');
    expect(info).toMatchObject({ kind: 'number', label: 'row', sortable: true, present: 25, min: 0, max: 24 });
    await expect(service.view({ datasetKey: 'ds', sort: [{ column: 'extra:nope', desc: false }], offset: 0, limit: 1, columns: [] })).rejects.toThrow('Cannot sort by "extra:nope": this dataset has no raw column "nope".');
  });

  it('appends new chunks and copies exact tokens in on refresh, reading only those chunks', async () => {
    const { store, shards, service } = await setup();
    const s = shards[0] as ShardInput;
    await ingest(store, s, 30);
    expect(await service.open('ds')).toMatchObject({ rows: 30, tokensPending: 30 });
    expect(await service.refresh('ds')).toMatchObject({ change: 'unchanged', revision: 1, rowsAdded: 0 });

    await countSome(store, 'ds', 2);
    await ingest(store, s, 25);
    const reads: (string[] | undefined)[] = [];
    const featureChunks = store.featureChunks.bind(store);
    store.featureChunks = (key, keys) => (reads.push(keys), featureChunks(key, keys));
    expect(await service.refresh('ds')).toEqual({ datasetKey: 'ds', rows: 55, revision: 2, tokensPending: 35, change: 'incremental', rowsAdded: 25, rowsRecounted: 20, extraColumns: [extraDescriptor('row', 'number')] });
    expect(reads).toHaveLength(1);
    expect(reads[0]).toHaveLength(3 + 2);
    expect(await served(service, 'ds')).toEqual(await fromScratch(store, 'ds'));
    const tokens = await service.view({ datasetKey: 'ds', sort: [], offset: 0, limit: 55, columns: ['tokens'] });
    expect(tokens.rows.map((r) => r.tokensExact)).toEqual([...Array(55)].map((_, i) => i < 20));
  });

  it('reloads in full when a shard is reset, a chunk lands before held ones, or the dataset starts over', async () => {
    const { store, shards, service } = await setup('ds', ['data/b.jsonl', 'data/a.jsonl']);
    const [b, a] = shards as [ShardInput, ShardInput];
    await ingest(store, b, 20);
    await service.open('ds');
    await ingest(store, a, 10);
    expect(await service.refresh('ds')).toMatchObject({ change: 'reloaded', reason: expect.stringContaining('is no longer where it was'), rows: 30, rowsAdded: 10, revision: 2 });
    expect(await served(service, 'ds')).toEqual(await fromScratch(store, 'ds'));

    await store.resetShard(b.key);
    expect(await service.refresh('ds')).toMatchObject({ change: 'reloaded', reason: `shard ${b.key} was reset`, rows: 10, rowsAdded: -20, revision: 3 });

    await new Promise((r) => setTimeout(r, 2));
    await store.putDataset({ ...dataset('ds'), mode: 'full' });
    expect(await service.refresh('ds')).toMatchObject({ change: 'reloaded', reason: 'the dataset is being ingested again', revision: 4 });
    expect(await served(service, 'ds')).toEqual(await fromScratch(store, 'ds'));
  });

  it('gives every call of a refresh in flight the refreshed table', async () => {
    const { store, shards, service } = await setup();
    await ingest(store, shards[0] as ShardInput, 10);
    await service.open('ds');
    await ingest(store, shards[0] as ShardInput, 10);
    const [refreshed, view] = await Promise.all([service.refresh('ds'), service.view({ datasetKey: 'ds', sort: [], offset: 0, limit: 100, columns: [] })]);
    expect(view.revision).toBe(refreshed.revision);
    expect(view.total).toBe(20);
  });

  it('says which dataset is gone, and serves it again once it is back', async () => {
    const { store, shards, service } = await setup();
    await ingest(store, shards[0] as ShardInput, 10);
    await service.open('ds');
    await store.deleteDataset('ds');
    await expect(service.refresh('ds')).rejects.toThrow("Dataset ds is not in this browser's storage (it may have been removed).");
    await expect(service.view({ datasetKey: 'ds', sort: [], offset: 0, limit: 10, columns: [] })).rejects.toThrow('Dataset ds is not in');
    await expect(service.open('never')).rejects.toThrow('Dataset never is not in');
    await store.putDataset(dataset('ds'));
    expect(await service.open('ds')).toMatchObject({ rows: 0 });
  });

  it('matches a table loaded from scratch after any mix of ingests, token counts, resets and refreshes', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('ingest' as const), shard: fc.nat({ max: 2 }), rows: fc.integer({ min: 1, max: 25 }), exact: fc.boolean() }),
      fc.record({ kind: fc.constant('count' as const), chunks: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('reset' as const), shard: fc.nat({ max: 2 }) }),
      fc.record({ kind: fc.constant('refresh' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        const { store, shards, service } = await setup('ds', ['c.jsonl', 'a.jsonl', 'b.jsonl']);
        await service.open('ds');
        for (const o of ops) {
          if (o.kind === 'ingest') await ingest(store, shards[o.shard] as ShardInput, o.rows, 7, o.exact);
          if (o.kind === 'count') await countSome(store, 'ds', o.chunks);
          if (o.kind === 'reset') await store.resetShard((shards[o.shard] as ShardInput).key);
          if (o.kind === 'refresh') await service.refresh('ds');
        }
        const result = await service.refresh('ds');
        const expected = await fromScratch(store, 'ds');
        expect(result.rows).toBe(expected.total);
        expect(result.tokensPending).toBe(expected.rows.filter((r) => !r.tokensExact).length);
        expect(await served(service, 'ds')).toEqual(expected);
        expect(await service.refresh('ds')).toMatchObject({ change: 'unchanged', revision: result.revision });
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

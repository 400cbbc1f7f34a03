import { describe, expect, it } from 'vitest';
import type { FeatureManifest } from '../store';
import { planRefresh, type HeldState } from './refreshPlan';

const chunk = (shardKey: string, firstRow: number) => ({ key: `${shardKey}#${firstRow}`, shardKey, firstRow });

function manifest(patch: Partial<FeatureManifest> = {}): FeatureManifest {
  return { updated: 1, progress: { a: 20, b: 10 }, chunks: [chunk('a', 0), chunk('a', 10), chunk('b', 0)], pending: ['b#0'], ...patch };
}

const held: HeldState = {
  updated: 1,
  progress: { a: 20, b: 10 },
  chunks: [
    { key: 'a#0', offset: 0, n: 10, pending: false },
    { key: 'a#10', offset: 10, n: 9, pending: true },
    { key: 'b#0', offset: 19, n: 10, pending: true },
  ],
};

describe('planRefresh', () => {
  it('has nothing to do when the keys and pending chunks are as held', () => {
    expect(planRefresh(held, manifest({ pending: ['a#10', 'b#0'] }))).toEqual({ kind: 'unchanged' });
  });

  it('appends chunks after the last one held and re-reads chunks whose estimates are all replaced', () => {
    const plan = planRefresh(held, manifest({ progress: { a: 20, b: 30 }, chunks: [chunk('a', 0), chunk('a', 10), chunk('b', 0), chunk('b', 10), chunk('b', 20)], pending: ['b#0', 'b#20'] }));
    expect(plan).toEqual({ kind: 'incremental', added: ['b#10', 'b#20'], recounted: [held.chunks[1]] });
  });

  it('ignores chunks at or past their shard progress (an interrupted reset leaves some)', () => {
    expect(planRefresh(held, manifest({ chunks: [chunk('a', 0), chunk('a', 10), chunk('a', 20), chunk('b', 0)], pending: ['a#10', 'b#0'] }))).toEqual({ kind: 'unchanged' });
  });

  it('reloads after a re-ingest, a reset, a removed shard, or a chunk before held ones', () => {
    expect(planRefresh(held, manifest({ updated: 2 }))).toEqual({ kind: 'reload', reason: 'the dataset is being ingested again' });
    expect(planRefresh(held, manifest({ progress: { a: 5, b: 10 } }))).toEqual({ kind: 'reload', reason: 'shard a was reset' });
    expect(planRefresh(held, manifest({ progress: { a: 20 } }))).toEqual({ kind: 'reload', reason: 'shard b was removed' });
    const before = manifest({ progress: { a: 20, b: 10, 0: 5 }, chunks: [chunk('0', 0), chunk('a', 0), chunk('a', 10), chunk('b', 0)] });
    expect(planRefresh(held, before)).toEqual({ kind: 'reload', reason: 'chunk a#0 is no longer where it was' });
    expect(planRefresh(held, manifest({ chunks: [chunk('a', 0), chunk('b', 0)] }))).toMatchObject({ kind: 'reload' });
  });
});

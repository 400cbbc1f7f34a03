/**
 * Merging a shard's per-batch feature chunks into a few big ones. Loading a feature table costs per
 * chunk record: in Chromium 2000 chunks of 100 rows load in 0.7–1.4 s, 20 chunks of 10,000 rows in
 * 0.23 s (the same 200k rows).
 */
import { concatChunks } from '../../src/core/featureColumns';
import type { ChunkRecord } from './records';
import { chunkKeyOf } from './schema';

/** Rows per merged chunk: big enough to load fast, small enough that a token update rewriting it stays cheap. */
export const COMPACT_ROWS = 5000;

/** Chunk records read per compaction transaction. */
export const COMPACT_READ = 50;

/**
 * The leading run of `records` (consecutive chunks of one shard, in row order) that fits in
 * `targetRows`; always at least one record so compaction moves on.
 */
export function leadingGroup(records: ChunkRecord[], targetRows: number): ChunkRecord[] {
  const group: ChunkRecord[] = [];
  let rows = 0;
  for (const r of records) {
    const contiguous = group.length === 0 || group[group.length - 1]?.rowEnd === r.firstRow;
    if (group.length > 0 && (!contiguous || rows + r.chunk.n > targetRows)) break;
    group.push(r);
    rows += r.chunk.n;
  }
  return group;
}

/** One record covering the group's rows, with the first record's key. */
export function mergeRecords(group: ChunkRecord[]): ChunkRecord {
  const first = group[0] as ChunkRecord;
  const last = group[group.length - 1] as ChunkRecord;
  return {
    key: chunkKeyOf(first.shardKey, first.firstRow),
    datasetKey: first.datasetKey,
    shardKey: first.shardKey,
    firstRow: first.firstRow,
    rowEnd: last.rowEnd,
    bytes: group.reduce((sum, r) => sum + r.bytes, 0),
    tokensPending: group.reduce((sum, r) => sum + r.tokensPending, 0),
    chunk: concatChunks(group.map((r) => r.chunk)),
  };
}
